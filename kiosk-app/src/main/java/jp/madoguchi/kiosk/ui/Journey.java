package jp.madoguchi.kiosk.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionState;

/**
 * Where the resident is: the engine's latest {@link EngineSnapshot} plus the steps the resident
 * takes on the screen alone (home → notes → place card while idle; menu → options → copies while
 * choosing), the order being put together, and the ending or thank-you screen held after the
 * engine has already gone idle. {@link #screen()} is the one answer to "what is on the screen".
 *
 * <p>Toolkit-free and single-threaded: the router calls it on the JavaFX thread, tests call it
 * directly. Everything resident-specific is wiped when the transaction ends ({@link #startOver()}).
 */
public final class Journey {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final OrderDraft draft = new OrderDraft();
    private EngineSnapshot snapshot = EngineSnapshot.idle(Optional.empty());
    private ScreenId idleStep = ScreenId.HOME;
    private ScreenId choosingStep = ScreenId.MENU;
    private boolean editingOrder;
    private EngineSnapshot ending;
    private EngineSnapshot lastPrinted;
    private boolean devicesReady = true;
    private ScreenId stepWhenReady;

    /** Calls {@code listener} after every change of {@link #screen()} or its content. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Stops calling {@code listener}. */
    public void removeOnChange(Runnable listener) {
        listeners.remove(listener);
    }

    public EngineSnapshot snapshot() {
        return snapshot;
    }

    public OrderDraft draft() {
        return draft;
    }

    /**
     * The snapshot of a finished transaction still on the screen (thank-you or ending), if any.
     * It stays until the resident touches "back to start" or the hold time passes.
     */
    public Optional<EngineSnapshot> ending() {
        return Optional.ofNullable(ending);
    }

    /** Takes the engine's newest snapshot. */
    public void accept(EngineSnapshot next) {
        EngineSnapshot previous = snapshot;
        snapshot = next;
        TransactionState state = next.state();
        if (state == TransactionState.IDLE) {
            if (previous.state() == TransactionState.PRINTED
                    || previous.state() == TransactionState.DONE
                    || previous.state() == TransactionState.CARD_REMOVED) {
                ending = lastPrinted != null ? lastPrinted : previous; // thank you
            }
            if (previous.state() != TransactionState.IDLE) {
                wipeResident();
                idleStep = ScreenId.HOME;
            }
        } else if (state.isFinal()) {
            if (state == TransactionState.DONE) {
                ending = lastPrinted != null ? lastPrinted : next;
            } else {
                ending = next;
            }
        } else if (previous.state() == TransactionState.IDLE || previous.state().isFinal()) {
            // A new resident's card: nothing of the last one stays.
            ending = null;
            lastPrinted = null;
            wipeResident();
        }
        if (state == TransactionState.PRINTED) {
            lastPrinted = next;
        }
        if (state != TransactionState.AUTHENTICATED && state != TransactionState.ORDER_CHOSEN) {
            editingOrder = false;
            choosingStep = ScreenId.MENU;
        }
        if (state == TransactionState.ORDER_CHOSEN && previous.state() == TransactionState.AUTHENTICATED) {
            editingOrder = false;
        }
        changed();
    }

    /** What the screen shows now. */
    public ScreenId screen() {
        if (ending != null) {
            return ending.state() == TransactionState.PRINTED
                            || ending.state() == TransactionState.DONE
                            || ending.state() == TransactionState.CARD_REMOVED
                    ? ScreenId.THANKS
                    : ScreenId.ENDED;
        }
        return switch (snapshot.state()) {
            case IDLE -> idleStep;
            case CARD_PRESENT -> snapshot.messageKey().equals("card.reading") ? ScreenId.WORKING : ScreenId.PIN;
            case PIN_VERIFIED -> ScreenId.WORKING;
            case AUTHENTICATED -> choosingStep;
            case ORDER_CHOSEN -> editingOrder ? choosingStep : ScreenId.CONFIRM;
            case FEE_CONFIRMED -> ScreenId.PAYMENT;
            case PAID, DOCUMENTS_RECEIVED, PRINTING -> ScreenId.PRINTING;
            case PRINTED -> ScreenId.TAKE_OUT;
            case CARD_REMOVED, DONE -> ScreenId.THANKS;
            case CANCELLED, FAILED, REFUND_DUE -> ScreenId.ENDED;
        };
    }

    /** True while the engine runs a transaction for a resident (a card is in). */
    public boolean inTransaction() {
        return snapshot.state() != TransactionState.IDLE && !snapshot.state().isFinal();
    }

    /**
     * A step the resident takes on the screen alone: while idle {@link ScreenId#HOME}, {@link
     * ScreenId#CONSENT} or {@link ScreenId#PLACE_CARD}; while choosing {@link ScreenId#MENU},
     * {@link ScreenId#OPTIONS} or {@link ScreenId#COPIES}. Other requests are ignored.
     */
    public void goTo(ScreenId step) {
        TransactionState state = snapshot.state();
        if (!devicesReady && state == TransactionState.IDLE && step != ScreenId.HOME && ending == null) {
            stepWhenReady = step; // the tap is kept and taken once the devices are up
            changed();
            return;
        }
        boolean idleStepAsked = step == ScreenId.HOME || step == ScreenId.CONSENT || step == ScreenId.PLACE_CARD;
        boolean choosingStepAsked = step == ScreenId.MENU || step == ScreenId.OPTIONS || step == ScreenId.COPIES;
        if (state == TransactionState.IDLE && idleStepAsked && ending == null) {
            idleStep = step;
            stepWhenReady = null;
        } else if ((state == TransactionState.AUTHENTICATED || state == TransactionState.ORDER_CHOSEN)
                && choosingStepAsked) {
            choosingStep = step;
            editingOrder = state == TransactionState.ORDER_CHOSEN;
        } else {
            return;
        }
        changed();
    }

    /**
     * True once the card reader, center link, printers and payment are up. Until then the home
     * screen is real but shows "準備中" and keeps the resident's first step for later.
     */
    public boolean devicesReady() {
        return devicesReady;
    }

    /** True while a step the resident asked for waits for the devices (the screen says "準備中"). */
    public boolean waitingForDevices() {
        return stepWhenReady != null;
    }

    /**
     * Tells whether the devices are up. Going up takes the step the resident asked for meanwhile, if
     * the kiosk is still at home.
     */
    public void devicesReady(boolean ready) {
        devicesReady = ready;
        if (ready && stepWhenReady != null) {
            if (snapshot.state() == TransactionState.IDLE && ending == null && idleStep == ScreenId.HOME) {
                idleStep = stepWhenReady;
            }
            stepWhenReady = null;
        }
        changed();
    }

    /**
     * Leaves the thank-you or ending screen for home. Only once the engine is idle (the card is
     * out): until then the screen keeps asking for the card.
     */
    public void startOver() {
        if (snapshot.state() != TransactionState.IDLE) {
            return;
        }
        ending = null;
        lastPrinted = null;
        idleStep = ScreenId.HOME;
        wipeResident();
        changed();
    }

    private void wipeResident() {
        draft.wipe();
        choosingStep = ScreenId.MENU;
        editingOrder = false;
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
