package jp.madoguchi.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import jp.madoguchi.center.protocol.CertificateOption;
import jp.madoguchi.center.protocol.CertificateType;
import jp.madoguchi.center.protocol.IssuanceScope;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.kiosk.ui.copies.CopiesViewModel;
import jp.madoguchi.kiosk.ui.ended.EndedViewModel;
import jp.madoguchi.kiosk.ui.menu.MenuEntry;
import jp.madoguchi.kiosk.ui.menu.MenuViewModel;
import jp.madoguchi.kiosk.ui.options.OptionsViewModel;
import jp.madoguchi.kiosk.ui.pin.PinViewModel;
import org.junit.jupiter.api.Test;

/** The screens' models, without the JavaFX toolkit: a journey fed with snapshots, recorded intents. */
class ScreenModelsTest {
    private final Journey journey = new Journey();
    private final RecordingIntents intents = new RecordingIntents();
    private final ScreenContext context = RecordingIntents.context(journey, intents);
    private final UiText ja = UiText.of("ja");
    private final UiText en = UiText.of("en");

    @Test
    void pinPadTakesExactlyFourDigitsShowsOnlyDotsAndForgetsThemOnceSent() {
        journey.accept(Snapshots.pin(3, "pin.enter", null));
        PinViewModel pin = new PinViewModel(context);
        pin.show(ja);
        for (char c : "12345".toCharArray()) {
            pin.digit(c);
        }
        assertThat(pin.typed()).isEqualTo(4);
        assertThat(pin.masked().get()).isEqualTo("●●●●").doesNotContain("1");
        pin.back();
        assertThat(pin.masked().get()).isEqualTo("●●●○");
        assertThat(pin.complete().get()).isFalse();
        pin.submit();
        assertThat(intents.pins).as("three digits are not sent").isEmpty();
        pin.digit('9');
        pin.submit();
        assertThat(intents.pins).containsExactly("1239");
        assertThat(pin.typed()).isZero();
        pin.digit('1');
        pin.clear();
        assertThat(pin.masked().get()).isEqualTo("○○○○");
    }

    @Test
    void pinPadWarnsBeforeTheLastTry() {
        PinViewModel pin = new PinViewModel(context);
        journey.accept(Snapshots.pin(2, "pin.wrong", "WRONG_PIN"));
        pin.show(ja);
        assertThat(pin.message().get()).contains("あと 2 回");
        assertThat(pin.warningShown().get()).isFalse();
        journey.accept(Snapshots.pin(1, "pin.wrong.lastTry", "WRONG_PIN"));
        pin.show(en);
        assertThat(pin.warningShown().get()).isTrue();
        assertThat(pin.warning().get()).contains("One more wrong PIN locks your card");
    }

    @Test
    void menuOffersOnlyThisResidentsTypesAndSaysWhyNotForTheOthers() {
        journey.accept(Snapshots.of(TransactionState.AUTHENTICATED, "menu.choose"));
        MenuViewModel menu = new MenuViewModel(context);
        menu.show(ja);
        assertThat(menu.entries())
                .extracting(MenuEntry::type, MenuEntry::available)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CertificateType.RESIDENCE_RECORD, true),
                        org.assertj.core.groups.Tuple.tuple(CertificateType.SEAL_REGISTRATION, false),
                        org.assertj.core.groups.Tuple.tuple(CertificateType.INCOME_TAX, true));
        assertThat(menu.entries().get(0).detail()).isEqualTo("1通 200円");
        assertThat(menu.entries().get(1).detail()).isEqualTo("印鑑登録がありません");
        menu.show(en);
        assertThat(menu.entries().get(1).detail()).isEqualTo("No registered seal");
        menu.choose(CertificateType.INCOME_TAX);
        assertThat(journey.screen()).as("no options: straight to copies").isEqualTo(ScreenId.COPIES);
        menu.choose(CertificateType.SEAL_REGISTRATION);
        assertThat(journey.draft().type()).as("unavailable cannot be chosen").contains(CertificateType.INCOME_TAX);
    }

    @Test
    void chosenMembersNeedAtLeastOneMemberAndTheOrderCarriesScopeOptionsAndCopies() {
        journey.accept(Snapshots.of(TransactionState.AUTHENTICATED, "menu.choose"));
        MenuViewModel menu = new MenuViewModel(context);
        menu.show(ja);
        menu.choose(CertificateType.RESIDENCE_RECORD);
        assertThat(journey.screen()).isEqualTo(ScreenId.OPTIONS);
        OptionsViewModel options = new OptionsViewModel(context);
        options.show(ja);
        options.toggle(IssuanceScope.SELECTED_MEMBERS.name());
        assertThat(options.complete().get()).isFalse();
        assertThat(options.members()).extracting(c -> c.label()).containsExactly("山田　太郎", "山田　花子");
        options.toggle("member:m2");
        options.toggle(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION.name());
        options.toggle(CertificateOption.MY_NUMBER.name()); // not offered here: ignored
        assertThat(options.complete().get()).isTrue();
        options.next();
        CopiesViewModel copies = new CopiesViewModel(context);
        copies.show(ja);
        copies.more();
        copies.more();
        assertThat(copies.fee().get()).isEqualTo("1通 200円 × 3 通 ＝ 600円");
        copies.next();
        assertThat(intents.orders)
                .containsExactly(java.util.List.of(new OrderItem(
                        CertificateType.RESIDENCE_RECORD,
                        IssuanceScope.SELECTED_MEMBERS,
                        java.util.List.of("m2"),
                        java.util.List.of(CertificateOption.HOUSEHOLD_HEAD_AND_RELATION),
                        3)));
    }

    @Test
    void taxCertificateOffersTheCentersYearsLatestChosenAndTheOrderCarriesThePickedYear() {
        jp.madoguchi.center.protocol.Menu menu =
                new jp.madoguchi.center.protocol.Menu(java.util.List.of(Snapshots.TAX_YEARS), java.util.List.of());
        journey.accept(Snapshots.withMenu(
                menu,
                TransactionState.AUTHENTICATED,
                "menu.choose",
                java.util.List.of(),
                jp.madoguchi.kiosk.money.Yen.ZERO));
        MenuViewModel menuModel = new MenuViewModel(context);
        menuModel.show(ja);
        menuModel.choose(CertificateType.INCOME_TAX);
        assertThat(journey.screen()).as("several years: the resident chooses").isEqualTo(ScreenId.OPTIONS);
        OptionsViewModel options = new OptionsViewModel(context);
        options.show(ja);
        assertThat(options.years())
                .extracting(c -> c.label(), c -> c.selected())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("令和8年度（2026年度）", true),
                        org.assertj.core.groups.Tuple.tuple("令和7年度（2025年度）", false),
                        org.assertj.core.groups.Tuple.tuple("令和6年度（2024年度）", false));
        assertThat(options.items()).isEmpty();
        options.show(en);
        assertThat(options.years()).extracting(c -> c.label()).first().isEqualTo("FY2026 (Reiwa 8)");
        options.toggle("year:2024");
        options.toggle("year:2019"); // not offered: ignored
        assertThat(options.years())
                .filteredOn(c -> c.selected())
                .extracting(c -> c.key())
                .containsExactly("year:2024");
        options.next();
        CopiesViewModel copies = new CopiesViewModel(context);
        copies.show(ja);
        copies.next();
        assertThat(intents.orders).containsExactly(java.util.List.of(OrderItem.incomeTax(2024)));

        journey.accept(Snapshots.withMenu(
                menu,
                TransactionState.ORDER_CHOSEN,
                "fee.confirm",
                java.util.List.of(OrderItem.incomeTax(2024)),
                jp.madoguchi.kiosk.money.Yen.of(300)));
        jp.madoguchi.kiosk.ui.confirm.ConfirmViewModel confirm =
                new jp.madoguchi.kiosk.ui.confirm.ConfirmViewModel(context);
        confirm.show(ja);
        assertThat(confirm.lines()).singleElement().asString().contains("令和6年度（2024年度）（令和5年中の所得）");
        confirm.show(en);
        assertThat(confirm.lines()).singleElement().asString().contains("FY2024 (Reiwa 6) (income of 2023)");
    }

    @Test
    void singleTaxYearNeedsNoChoiceButIsStillOrdered() {
        journey.accept(Snapshots.of(TransactionState.AUTHENTICATED, "menu.choose"));
        MenuViewModel menu = new MenuViewModel(context);
        menu.show(ja);
        menu.choose(CertificateType.INCOME_TAX);
        assertThat(journey.screen()).isEqualTo(ScreenId.COPIES);
        CopiesViewModel copies = new CopiesViewModel(context);
        copies.show(ja);
        copies.next();
        assertThat(intents.orders).containsExactly(java.util.List.of(OrderItem.incomeTax(2026)));
    }

    @Test
    void eraFollowsTheYearAcrossTheHeiseiReiwaChange() {
        FiscalYearText ja = new FiscalYearText(this.ja);
        assertThat(ja.year(2018)).isEqualTo("平成30年度（2018年度）");
        assertThat(ja.year(2019)).isEqualTo("令和1年度（2019年度）");
        assertThat(ja.incomeOf(2019)).isEqualTo("平成30年中の所得");
        assertThat(ja.incomeOf(2020)).isEqualTo("令和1年中の所得");
        assertThat(new FiscalYearText(UiText.of("ko")).year(2026)).isEqualTo("2026년도 (레이와 8년도)");
        assertThat(new FiscalYearText(UiText.of("zh")).incomeOf(2026)).isEqualTo("2025年的收入");
    }

    @Test
    void lockedPinSendsResidentToMunicipalOffice() {
        journey.accept(Snapshots.ended(TransactionState.FAILED, "card.pinLocked", "PIN_LOCKED", 0, 0, 0, 0));
        EndedViewModel ended = new EndedViewModel(context);
        ended.show(ja);
        assertThat(ended.what().get()).isEqualTo("暗証番号がロックされています");
        assertThat(ended.todo().get()).contains("市区町村の窓口");
        assertThat(ended.money().get()).isEqualTo("料金はいただいていません。");
        assertThat(ended.cardOut().get()).isFalse();
    }

    @Test
    void printerJamEndingSaysTheMoneyWasReturnedOrIsOwedOnAVoucher() {
        journey.accept(Snapshots.ended(TransactionState.FAILED, "printing.failed", "PAPER_JAM", 1000, 0, 1000, 0));
        EndedViewModel ended = new EndedViewModel(context);
        ended.show(ja);
        assertThat(ended.what().get()).isEqualTo("証明書を印刷できませんでした");
        assertThat(ended.money().get()).isEqualTo("1,000円 を返却しました。返却口からお取りください。");
        journey.accept(Snapshots.ended(TransactionState.FAILED, "refund.voucher", "PAPER_JAM", 1000, 0, 500, 500));
        ended.show(en);
        assertThat(ended.what().get())
                .as("the cause behind the refund key")
                .isEqualTo("The certificate could not be printed");
        assertThat(ended.money().get()).contains("¥500 has been returned", "¥500 could not be returned");
    }

    @Test
    void idleCountdownWarnsThenExpiresOnceAndATouchStartsAgain() {
        ShellViewModel shell = new ShellViewModel(context);
        int[] expired = {0};
        IdleWatch idle = new IdleWatch(Duration.ofSeconds(30), Duration.ofSeconds(20), shell, () -> expired[0]++);
        long s = 1_000_000_000L;
        idle.arm(true, 0);
        idle.tick(29 * s);
        assertThat(shell.countdownVisible().get()).isFalse();
        idle.tick(31 * s);
        assertThat(shell.countdownVisible().get()).isTrue();
        assertThat(shell.countdownSeconds().get()).isEqualTo(19);
        assertThat(shell.countdownBody().get()).contains("19 秒");
        idle.touched(32 * s);
        assertThat(shell.countdownVisible().get()).isFalse();
        idle.tick(80 * s);
        idle.tick(90 * s);
        assertThat(expired[0]).isEqualTo(1);
    }

    @Test
    void cancelEndsTheTransactionOrGoesHomeWhenNoneRuns() {
        ShellViewModel shell = new ShellViewModel(context);
        journey.goTo(ScreenId.CONSENT);
        shell.cancel();
        assertThat(journey.screen()).isEqualTo(ScreenId.HOME);
        assertThat(intents.sent).isEmpty();
        journey.accept(Snapshots.of(TransactionState.AUTHENTICATED, "menu.choose"));
        shell.cancel();
        assertThat(intents.sent).containsExactly("cancel");
        shell.selectLanguage("en");
        assertThat(shell.cancelLabel().get()).isEqualTo("Cancel");
        shell.selectLanguage("xx");
        assertThat(shell.text().get().language()).isEqualTo("en");
    }

    @Test
    void simulatorControlShowsReceiptsAndVouchersAsText() {
        var receipt = new jp.madoguchi.printer.receipt.TransactionReceipt(
                "Madoguchi",
                "K0001-20260610-0001",
                java.time.LocalDateTime.of(2026, 6, 10, 10, 0),
                java.util.List.of(new jp.madoguchi.printer.receipt.TransactionReceipt.Item("住民票の写し", 2, 200)),
                1000);
        assertThat(jp.madoguchi.kiosk.ui.simcontrol.SimulatorControlViewModel.describe(receipt))
                .contains("K0001-20260610-0001", "住民票の写し x2  400", "total 400  paid 1000  change 600");
        var voucher = new jp.madoguchi.printer.receipt.RefundVoucher(
                "K0001-20260610-0001-R",
                "K0001-20260610-0001",
                java.time.LocalDateTime.of(2026, 6, 10, 10, 0),
                300,
                "印刷できなかったため");
        assertThat(jp.madoguchi.kiosk.ui.simcontrol.SimulatorControlViewModel.describe(voucher))
                .isEqualTo("refund voucher K0001-20260610-0001-R for K0001-20260610-0001: 300 yen (印刷できなかったため)");
    }
}
