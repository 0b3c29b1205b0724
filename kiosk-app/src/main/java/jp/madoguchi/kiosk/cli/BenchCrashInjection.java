package jp.madoguchi.kiosk.cli;

import java.util.concurrent.Callable;

final class BenchCrashInjection implements Callable<Integer> {
    private final boolean json;

    BenchCrashInjection(boolean json) {
        this.json = json;
    }

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not yet");
    }
}
