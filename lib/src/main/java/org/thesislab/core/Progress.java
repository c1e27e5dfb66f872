package org.thesislab.core;

import org.thesislab.viz.Display;
import org.thesislab.viz.Tables;

/**
 * One progress bar that updates in place: an HTML bar in a notebook, a single closing line elsewhere.
 * Updates are throttled so a fast loop does not flood the kernel.
 */
public final class Progress implements AutoCloseable {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;

    private final String title;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final String displayId;
    private long done;
    private String status = "";
    private long lastShownNanos;

    private Progress(String title, long total) {
        this.title = title;
        this.total = Math.max(1, total);
        this.displayId = Display.html(html());
        this.lastShownNanos = System.nanoTime();
    }

    public static Progress start(String title, long total) {
        return new Progress(title, total);
    }

    /** Sets how many of the total steps are done and a short status ("loss 0.31"). */
    public void update(long stepsDone, String statusText) {
        this.done = Math.min(stepsDone, total);
        this.status = statusText == null ? "" : statusText;
        long now = System.nanoTime();
        if (now - lastShownNanos >= MIN_INTERVAL_NANOS || done == total) {
            lastShownNanos = now;
            Display.updateHtml(displayId, html());
        }
    }

    /** Fills the bar when the work ends before its total (early stopping), saying why. */
    public void finishEarly(String why) {
        update(total, why);
    }

    public void step(String statusText) {
        update(done + 1, statusText);
    }

    public long done() {
        return done;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        if (displayId != null) {
            Display.updateHtml(displayId, html());
        } else {
            System.out.println(text());
        }
    }

    private String text() {
        return String.format("%s: %d/%d (%.0f%%) %s, %.1fs", title, done, total, 100.0 * done / total, status,
                elapsedSeconds());
    }

    private String html() {
        double seconds = elapsedSeconds();
        String eta = done > 0 && done < total ? String.format(", ~%.0fs left", seconds * (total - done) / done) : "";
        return String.format("<div style=\"font-family:monospace\">%s <progress value=\"%d\" max=\"%d\" "
                + "style=\"width:240px;vertical-align:middle\"></progress> %d/%d %s <span style=\"color:#666\">"
                + "(%.1fs%s)</span></div>", Tables.escape(title), done, total, done, total, Tables.escape(status), seconds, eta);
    }
}
