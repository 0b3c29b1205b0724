package jp.madoguchi.kiosk.clerk;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use clerk mode now. A clerk enters with the clerk PIN (checked by {@link ClerkLogin},
 * which locks out after repeated failures) or by turning the maintenance key. Every entry,
 * wrong PIN and lockout is recorded. Turning the key off closes a session the key opened; a PIN
 * session ends when the clerk leaves.
 */
public final class ClerkAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ClerkAccess.class);

    /** How clerk mode was opened. */
    public enum Entry {
        PIN,
        KEY_SWITCH
    }

    private final Optional<ClerkLogin> login;
    private final ClerkJournal records;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private Entry openedBy;

    /** {@code login} is empty when no clerk PIN is set (only the key switch opens clerk mode). */
    public ClerkAccess(Optional<ClerkLogin> login, ClerkJournal records) {
        this.login = login;
        this.records = records;
    }

    /** True when a clerk PIN is set. */
    public boolean pinConfigured() {
        return login.isPresent();
    }

    /**
     * Checks a clerk PIN (zeroed after); on success clerk mode opens.
     *
     * @throws ClerkActionRefused NO_CLERK_PIN when none is set
     */
    public ClerkLogin.Result enterPin(char[] pin) {
        if (login.isEmpty()) {
            java.util.Arrays.fill(pin, '\0');
            throw new ClerkActionRefused(
                    ClerkActionRefused.Reason.NO_CLERK_PIN,
                    "no clerk PIN is set: use the maintenance key, or set one with `./kiosk clerk set-pin`");
        }
        ClerkLogin.Result result = login.get().attempt(pin);
        switch (result) {
            case ACCEPTED -> open(Entry.PIN);
            case WRONG_PIN -> records.record(ClerkEventKind.CLERK_PIN_WRONG, new Code("WRONG_PIN"));
            case LOCKED_OUT -> {
                records.record(ClerkEventKind.CLERK_LOCKED_OUT, new Code("LOCKED_OUT"));
                LOG.warn("clerk PIN locked out until {}", login.get().lockedUntil());
            }
        }
        return result;
    }

    /** Until when PIN entry is locked (in the past when it is not). */
    public java.time.Instant lockedUntil() {
        return login.map(ClerkLogin::lockedUntil).orElse(java.time.Instant.MIN);
    }

    /** The maintenance key was turned on (true) or off (false). */
    public void keySwitch(boolean turned) {
        if (turned) {
            open(Entry.KEY_SWITCH);
        } else if (openedBy() == Entry.KEY_SWITCH) {
            leave();
        }
    }

    /** Closes clerk mode. */
    public void leave() {
        boolean wasOpen;
        synchronized (this) {
            wasOpen = openedBy != null;
            openedBy = null;
        }
        if (wasOpen) {
            records.record(ClerkEventKind.CLERK_LEFT, new Code("LEFT"));
            listeners.forEach(l -> l.accept(false));
        }
    }

    public synchronized boolean isOpen() {
        return openedBy != null;
    }

    /** How the open session was entered; null when closed. */
    public synchronized Entry openedBy() {
        return openedBy;
    }

    /** Hears true when clerk mode opens and false when it closes. */
    public void addListener(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    private void open(Entry entry) {
        boolean changed;
        synchronized (this) {
            changed = openedBy == null;
            if (changed) {
                openedBy = entry;
            }
        }
        if (changed) {
            records.record(ClerkEventKind.CLERK_ENTERED, new Code(entry.name()));
            LOG.info("clerk mode opened by {}", entry);
            listeners.forEach(l -> l.accept(true));
        }
    }
}
