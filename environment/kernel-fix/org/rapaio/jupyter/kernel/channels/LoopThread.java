package org.rapaio.jupyter.kernel.channels;

/**
 * Thesis Lab's fix for rapaio-jupyter-kernel 3.0.1, compiled by {@code environment/lab setup} and put before the
 * kernel's jar on its classpath. The original sets its running flag after {@code Thread.start()}, so a channel
 * thread that gets scheduled first sees {@code false} and ends at once, and the kernel never answers Jupyter (seen
 * in about half of the kernel starts on a busy 2-core machine). This class has the original's members and
 * behaviour, with the flag set before the thread starts.
 */
public final class LoopThread extends Thread {
    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            loopBody.run();
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
