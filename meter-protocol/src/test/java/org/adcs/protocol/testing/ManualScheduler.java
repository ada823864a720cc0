package org.adcs.protocol.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.session.TimeoutScheduler;

/** A scheduler driven by the test: {@link #advance} runs the tasks that have come due. */
public final class ManualScheduler implements TimeoutScheduler {
    private record Task(long due, Runnable run, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + delay.toMillis(), task, cancelled));
        return () -> cancelled[0] = true;
    }

    public void advance(Duration by) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            now += by.toMillis();
            for (Task t : List.copyOf(tasks)) {
                if (t.due <= now) {
                    tasks.remove(t);
                    if (!t.cancelled[0]) {
                        due.add(t);
                    }
                }
            }
        }
        due.forEach(t -> t.run.run());
    }

    public synchronized long pending() {
        return tasks.stream().filter(t -> !t.cancelled[0]).count();
    }
}
