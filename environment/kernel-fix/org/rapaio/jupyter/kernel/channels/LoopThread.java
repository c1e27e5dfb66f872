package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Thesis Lab's fix for rapaio-jupyter-kernel 3.0.1, compiled by {@code environment/lab setup} and put before the
 * kernel's jar on its classpath. The original sets its running flag after {@code Thread.start()}, so a channel
 * thread that gets scheduled first sees {@code false} and ends at once, and the kernel never answers Jupyter (seen
 * in about half of the kernel starts on a busy 2-core machine). Also, {@code Channels.connect} starts the channel
 * threads before it creates its handler map, so a request that comes in first threw a NullPointerException that
 * ended the shell thread for good (the kernel never answered; seen in 4 of 6 starts here). This class has the
 * original's members and behaviour, with the flag set before the thread starts and a loop body that fails logged
 * instead of ending the thread (the request is dropped; Jupyter sends kernel_info again).
 */
public final class LoopThread extends Thread {
    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

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
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                LOGGER.log(Level.SEVERE, "[" + getName() + "]: request dropped", e);
            }
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
