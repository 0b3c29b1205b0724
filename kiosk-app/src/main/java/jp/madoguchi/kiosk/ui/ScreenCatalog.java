package jp.madoguchi.kiosk.ui;

import java.util.EnumMap;
import java.util.Map;
import jp.madoguchi.kiosk.ui.confirm.ConfirmView;
import jp.madoguchi.kiosk.ui.confirm.ConfirmViewModel;
import jp.madoguchi.kiosk.ui.consent.ConsentView;
import jp.madoguchi.kiosk.ui.consent.ConsentViewModel;
import jp.madoguchi.kiosk.ui.copies.CopiesView;
import jp.madoguchi.kiosk.ui.copies.CopiesViewModel;
import jp.madoguchi.kiosk.ui.ended.EndedView;
import jp.madoguchi.kiosk.ui.ended.EndedViewModel;
import jp.madoguchi.kiosk.ui.home.HomeView;
import jp.madoguchi.kiosk.ui.home.HomeViewModel;
import jp.madoguchi.kiosk.ui.menu.MenuView;
import jp.madoguchi.kiosk.ui.menu.MenuViewModel;
import jp.madoguchi.kiosk.ui.options.OptionsView;
import jp.madoguchi.kiosk.ui.options.OptionsViewModel;
import jp.madoguchi.kiosk.ui.payment.PaymentView;
import jp.madoguchi.kiosk.ui.payment.PaymentViewModel;
import jp.madoguchi.kiosk.ui.pin.PinView;
import jp.madoguchi.kiosk.ui.pin.PinViewModel;
import jp.madoguchi.kiosk.ui.placecard.PlaceCardView;
import jp.madoguchi.kiosk.ui.placecard.PlaceCardViewModel;
import jp.madoguchi.kiosk.ui.printing.PrintingView;
import jp.madoguchi.kiosk.ui.printing.PrintingViewModel;
import jp.madoguchi.kiosk.ui.takeout.TakeOutView;
import jp.madoguchi.kiosk.ui.takeout.TakeOutViewModel;
import jp.madoguchi.kiosk.ui.thanks.ThanksView;
import jp.madoguchi.kiosk.ui.thanks.ThanksViewModel;
import jp.madoguchi.kiosk.ui.working.WorkingView;
import jp.madoguchi.kiosk.ui.working.WorkingViewModel;

/** Which model and view make each screen of the resident's journey. Add a screen here. */
public final class ScreenCatalog {
    private ScreenCatalog() {}

    /** The resident's screens. */
    public static Map<ScreenId, Screen.Factory> resident() {
        Map<ScreenId, Screen.Factory> m = new EnumMap<>(ScreenId.class);
        m.put(ScreenId.HOME, c -> {
            HomeViewModel vm = new HomeViewModel(c);
            return new Screen(ScreenId.HOME, vm, new HomeView(vm));
        });
        m.put(ScreenId.CONSENT, c -> {
            ConsentViewModel vm = new ConsentViewModel(c);
            return new Screen(ScreenId.CONSENT, vm, new ConsentView(vm));
        });
        m.put(ScreenId.PLACE_CARD, c -> {
            PlaceCardViewModel vm = new PlaceCardViewModel(c);
            return new Screen(ScreenId.PLACE_CARD, vm, new PlaceCardView(vm));
        });
        m.put(ScreenId.WORKING, c -> {
            WorkingViewModel vm = new WorkingViewModel(c);
            return new Screen(ScreenId.WORKING, vm, new WorkingView(vm));
        });
        m.put(ScreenId.PIN, c -> {
            PinViewModel vm = new PinViewModel(c);
            return new Screen(ScreenId.PIN, vm, new PinView(vm));
        });
        m.put(ScreenId.MENU, c -> {
            MenuViewModel vm = new MenuViewModel(c);
            return new Screen(ScreenId.MENU, vm, new MenuView(vm));
        });
        m.put(ScreenId.OPTIONS, c -> {
            OptionsViewModel vm = new OptionsViewModel(c);
            return new Screen(ScreenId.OPTIONS, vm, new OptionsView(vm));
        });
        m.put(ScreenId.COPIES, c -> {
            CopiesViewModel vm = new CopiesViewModel(c);
            return new Screen(ScreenId.COPIES, vm, new CopiesView(vm));
        });
        m.put(ScreenId.CONFIRM, c -> {
            ConfirmViewModel vm = new ConfirmViewModel(c);
            return new Screen(ScreenId.CONFIRM, vm, new ConfirmView(vm));
        });
        m.put(ScreenId.PAYMENT, c -> {
            PaymentViewModel vm = new PaymentViewModel(c);
            return new Screen(ScreenId.PAYMENT, vm, new PaymentView(vm));
        });
        m.put(ScreenId.PRINTING, c -> {
            PrintingViewModel vm = new PrintingViewModel(c);
            return new Screen(ScreenId.PRINTING, vm, new PrintingView(vm));
        });
        m.put(ScreenId.TAKE_OUT, c -> {
            TakeOutViewModel vm = new TakeOutViewModel(c);
            return new Screen(ScreenId.TAKE_OUT, vm, new TakeOutView(vm));
        });
        m.put(ScreenId.THANKS, c -> {
            ThanksViewModel vm = new ThanksViewModel(c);
            return new Screen(ScreenId.THANKS, vm, new ThanksView(vm));
        });
        m.put(ScreenId.ENDED, c -> {
            EndedViewModel vm = new EndedViewModel(c);
            return new Screen(ScreenId.ENDED, vm, new EndedView(vm));
        });
        return m;
    }
}
