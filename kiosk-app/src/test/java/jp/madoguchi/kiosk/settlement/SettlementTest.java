package jp.madoguchi.kiosk.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.madoguchi.kiosk.journal.CashEventKind;
import jp.madoguchi.kiosk.journal.Journal;
import jp.madoguchi.kiosk.journal.OrderedDocument;
import jp.madoguchi.kiosk.journal.TransactionId;
import jp.madoguchi.kiosk.money.FeeSplit;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettlementTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final List<String> MUNICIPALITIES = List.of("131016", "271004", "401005");
    private static final List<String> TYPES = List.of("RESIDENCE_RECORD", "SEAL_REGISTRATION", "TAX", "KOSEKI");

    @Test
    void dailyCloseAndMonthlyStatementsMatchTheTransactionsToTheYen(@TempDir Path dir) {
        MutableClock clock = new MutableClock(
                LocalDate.of(2026, 10, 31).atTime(22, 0).atZone(TOKYO).toInstant());
        Random random = new Random(20261123);
        Map<LocalDate, Long> feesPerDay = new HashMap<>();
        Map<String, Long> novemberFeesPerMunicipality = new HashMap<>();
        Map<String, Integer> novemberCopiesPerMunicipality = new HashMap<>();
        long novemberInserted = 0;
        try (Journal journal = Journal.open(dir.resolve("journal.db"), "K0001", clock)) {
            for (int t = 0; t < 400; t++) {
                clock.advance(Duration.ofMinutes(7 + random.nextInt(240)));
                LocalDate day = LocalDate.ofInstant(clock.instant(), TOKYO);
                String municipality = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
                String type = TYPES.get(random.nextInt(TYPES.size()));
                Yen fee = Yen.of(List.of(100L, 200L, 300L, 450L, 800L).get(random.nextInt(5)));
                int copies = 1 + random.nextInt(3);
                int printed = random.nextInt(10) == 0 ? random.nextInt(copies) : copies;

                TransactionId id = journal.begin();
                journal.recordOrderedDocument(id, new OrderedDocument("D-" + t, type, copies, fee));
                Yen paid = fee.times(copies).plus(Yen.of(random.nextInt(3) * 100L));
                journal.recordCash(id, CashEventKind.INSERTED, paid);
                journal.recordCash(id, CashEventKind.CHANGE_PAID, paid.minus(fee.times(copies)));
                for (int copy = 1; copy <= printed; copy++) {
                    journal.recordCopyPrinted(id, "D-" + t, copy, municipality, type, FeeSplit.of(fee, Yen.of(115)));
                }
                journal.recordCash(id, CashEventKind.REFUND_VOUCHER, fee.times(copies - printed));
                journal.transition(id, TransactionState.DONE, null);
                assertThat(journal.balance(id).isSettled()).isTrue();

                feesPerDay.merge(day, fee.amount() * printed, Long::sum);
                if (YearMonth.from(day).equals(YearMonth.of(2026, 11))) {
                    novemberFeesPerMunicipality.merge(municipality, fee.amount() * printed, Long::sum);
                    novemberCopiesPerMunicipality.merge(municipality, printed, Integer::sum);
                    novemberInserted += paid.amount();
                }
            }

            for (Map.Entry<LocalDate, Long> day : feesPerDay.entrySet()) {
                DailyClose close = DailyClose.of(journal, "K0001", day.getKey(), TOKYO);
                assertThat(close.fees().fees().amount())
                        .as("fees on %s", day.getKey())
                        .isEqualTo(day.getValue());
                assertThat(close.fees().municipalityShare().plus(close.fees().operatorShare()))
                        .isEqualTo(close.fees().fees());
                assertThat(close.cashKept().amount())
                        .as("cash kept on %s = printed fees + vouchers owed", day.getKey())
                        .isEqualTo(day.getValue() + close.vouchersOwed().amount());
            }

            long statementsTotal = 0;
            for (String municipality : MUNICIPALITIES) {
                MunicipalStatement statement =
                        MunicipalStatement.of(journal, municipality, YearMonth.of(2026, 11), TOKYO);
                assertThat(statement.fees().fees().amount())
                        .isEqualTo(novemberFeesPerMunicipality.getOrDefault(municipality, 0L));
                assertThat(statement.fees().copies())
                        .isEqualTo(novemberCopiesPerMunicipality.getOrDefault(municipality, 0));
                assertThat(statement.fees().operatorShare().amount())
                        .isLessThanOrEqualTo(115L * statement.fees().copies());
                assertThat(statement.toCsv())
                        .contains(municipality + ",2026-11,TOTAL,"
                                + statement.fees().copies() + ",");
                statementsTotal += statement.fees().fees().amount();
            }
            assertThat(novemberInserted).isGreaterThanOrEqualTo(statementsTotal);
        }
    }
}
