package rongguang.serve;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a server tells its terminal: each build's outcome and each warning. */
final class RecordingListener implements PreviewServer.Listener {
    final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void built(Outcome outcome) {
        outcomes.add(outcome);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }
}
