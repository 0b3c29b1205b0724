package jp.madoguchi.kiosk.ui.payment;

import javafx.scene.Parent;
import javafx.scene.control.ProgressBar;
import jp.madoguchi.kiosk.ui.ScreenPane;
import jp.madoguchi.kiosk.ui.ScreenView;

/** Layout of the payment screen. */
public final class PaymentView implements ScreenView {
    private final ScreenPane root = new ScreenPane("payment");

    public PaymentView(PaymentViewModel model) {
        root.title(model.title());
        root.paragraph(model.fee(), "amount").setId("payment-fee");
        root.paragraph(model.inserted(), "amount").setId("payment-inserted");
        root.paragraph(model.remaining(), "amount", "emphasis").setId("payment-remaining");
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress());
        bar.setPrefWidth(800);
        root.getChildren().add(bar);
        root.paragraph(model.accepted(), "note");
        root.paragraph(model.cancelNote(), "note");
    }

    @Override
    public Parent root() {
        return root;
    }
}
