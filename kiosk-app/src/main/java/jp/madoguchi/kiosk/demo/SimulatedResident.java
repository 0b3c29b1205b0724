package jp.madoguchi.kiosk.demo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import jp.madoguchi.center.protocol.OrderItem;
import jp.madoguchi.kiosk.KioskAssembly;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;
import jp.madoguchi.kiosk.money.Yen;
import jp.madoguchi.kiosk.payment.SimulatedCashAcceptor;
import jp.madoguchi.kiosk.transaction.EngineSnapshot;
import jp.madoguchi.kiosk.transaction.TransactionEngine;
import jp.madoguchi.kiosk.transaction.TransactionState;
import jp.madoguchi.sim.card.CardSlot;
import jp.madoguchi.sim.card.SimulatedCard;

/**
 * One resident's hands at a simulated kiosk: places the card, types the PIN, chooses, confirms,
 * inserts coins and bills, takes the card. Each step waits (bounded) for the engine and returns
 * the snapshot after it; {@code onScreen} sees every snapshot the engine publishes.
 */
public final class SimulatedResident {
    private static final Duration STEP_LIMIT = Duration.ofSeconds(60);

    private final TransactionEngine engine;
    private final CardSlot slot;
    private final SimulatedCashAcceptor cash;

    public SimulatedResident(KioskAssembly kiosk, Consumer<EngineSnapshot> onScreen) {
        this.engine = kiosk.engine();
        this.slot = kiosk.cardSlot().orElseThrow(() -> notSimulated("card"));
        this.cash = kiosk.cashAcceptor().orElseThrow(() -> notSimulated("payment"));
        if (onScreen != null) {
            engine.addListener(onScreen);
        }
    }

    public EngineSnapshot placeCard(SimulatedCard card) {
        slot.insert(card);
        return join(engine.cardInserted().orTimeout(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    public EngineSnapshot enterPin(String pin) {
        return join(engine.pinEntered(pin.toCharArray()));
    }

    public EngineSnapshot choose(List<OrderItem> order) {
        return join(engine.orderChosen(order));
    }

    public EngineSnapshot confirmFee() {
        return join(engine.feeConfirmed());
    }

    /**
     * Inserts the fee in the largest coins and bills that do not exceed what remains, or one
     * {@code overpayWith} note/coin when given (change then comes back).
     */
    public void pay(EngineSnapshot confirmed, Yen overpayWith) {
        if (overpayWith != null) {
            cash.insert(overpayWith);
            return;
        }
        long remaining = confirmed.fee().amount();
        long[] denominations = {1000, 500, 100, 50, 10};
        for (long d : denominations) {
            while (remaining >= d) {
                cash.insert(Yen.of(d));
                remaining -= d;
            }
        }
    }

    /** Waits for printing to end (PRINTED, or a final state). */
    public EngineSnapshot awaitPrintingEnd() {
        try {
            return engine.await(
                            s -> s.state() == TransactionState.PRINTED
                                    || s.state().isFinal(),
                            STEP_LIMIT)
                    .orElseThrow(() -> new KioskException(
                            KioskErrorCode.PAYMENT_DEVICE_FAULT, "printing did not end within " + STEP_LIMIT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public EngineSnapshot takeCard() {
        slot.remove();
        return join(engine.cardRemoved());
    }

    private static EngineSnapshot join(java.util.concurrent.CompletableFuture<EngineSnapshot> step) {
        try {
            return step.get(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("engine step failed: " + e, e);
        }
    }

    private static KioskException notSimulated(String what) {
        return new KioskException(
                KioskErrorCode.CONFIGURATION_INVALID, "a simulated resident needs the simulated " + what);
    }
}
