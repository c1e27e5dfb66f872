package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/**
 * Thesis Lab's fix for rapaio-jupyter-kernel 3.0.1, compiled by {@code environment/lab setup} and put before the
 * kernel's jar on its classpath (see also {@code channels.ControlChannel}). It has the original's members, with
 * interrupting changed.
 *
 * <p>What was wrong, for upstream: on Kernel > Interrupt, {@code JavaEngine.interrupt()} calls {@link #interrupt()}
 * (which cancelled the snippet's Future) and then {@link #stop()}, which shut the snippet executor down for good.
 * The cancelled cell ended with "Execution interrupted" while its code could still run on, and every later cell
 * was refused by the dead executor; {@code DirectExecutionControl} turns that {@code RejectedExecutionException}
 * into an {@code InternalException}, which JShell drops, so later cells answered "ok" without running at all.
 *
 * <p>Here an interrupt calls {@link Thread#interrupt()} on the thread running the current snippet (never
 * {@code Thread.stop}) and the cell ends when its code does: {@code Thread.sleep}, blocking I/O and Thesis Lab's
 * training and data-generation loops stop at once with an exception that says where. The executor lives until
 * {@link #close()}, so the kernel and its variables stay usable. Code that never checks for interruption runs on;
 * the cell then says so on its stderr.
 */
public class RapaioExecutionControl extends DirectExecutionControl {
    public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
    public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";

    private static final AtomicInteger ID = new AtomicInteger();
    /** Seconds after an interrupt before a cell that is still running is told why. */
    private static final long STILL_RUNNING_NOTE_SECONDS = 2;
    /** The live controls, so that the control channel can interrupt without the kernel's shared request state. */
    private static final Set<RapaioExecutionControl> LIVE = ConcurrentHashMap.newKeySet();

    private final ExecutorService executor;
    private final long timeoutTime;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** The thread running the current snippet, null between snippets; guarded by {@link #lock}. */
    private Thread running;
    /** Counts snippets, so a late note is never printed into the next one; guarded by {@link #lock}. */
    private long snippet;

    public RapaioExecutionControl(long timeoutTime) {
        this.timeoutTime = timeoutTime;
        this.executor = Executors.newCachedThreadPool(r -> new Thread(r, "Engine-thread-" + ID.getAndIncrement()));
        LIVE.add(this);
    }

    /** Interrupts the running snippet of every live control (Kernel > Interrupt). */
    public static void interruptAll() {
        LIVE.forEach(RapaioExecutionControl::interrupt);
    }

    public long getTimeout() {
        return timeoutTime;
    }

    public Object takeResult(String key) {
        Object result = results.remove(key);
        if (result == null) {
            throw new IllegalStateException("No result with key: " + key);
        }
        return result;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        String id = UUID.randomUUID().toString();
        results.put(id, execute(doitMethod));
        return id;
    }

    private Object execute(Method doitMethod) throws Exception {
        Future<Object> future = executor.submit(() -> {
            synchronized (lock) {
                running = Thread.currentThread();
                snippet++;
            }
            try {
                return doitMethod.invoke(null);
            } finally {
                // From here on no interrupt can reach this pool thread; the pool clears a stale flag itself.
                synchronized (lock) {
                    running = null;
                }
            }
        });
        try {
            return timeoutTime > 0 ? future.get(timeoutTime, TimeUnit.MILLISECONDS) : future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException) {
                cause = cause.getCause();
            }
            if (cause == null) {
                throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
            }
            if (cause instanceof SPIResolutionException resolution) {
                throw new ResolutionException(resolution.id(), cause.getStackTrace());
            }
            throw new UserException(cause.getMessage(), cause.getClass().getName(), cause.getStackTrace());
        } catch (TimeoutException e) {
            // The original left a timed-out snippet running unseen.
            interrupt();
            throw new UserException("Execution timed out", TIMEOUT_MARKER, e.getStackTrace());
        }
    }

    /** Interrupts the thread running the current snippet, if any; the snippet ends at its next interruption check. */
    public void interrupt() {
        long interrupted;
        synchronized (lock) {
            if (running == null) {
                return;
            }
            running.interrupt();
            interrupted = snippet;
        }
        CompletableFuture.delayedExecutor(STILL_RUNNING_NOTE_SECONDS, TimeUnit.SECONDS).execute(() -> {
            synchronized (lock) {
                if (running != null && snippet == interrupted) {
                    // System.err is the running cell's stderr stream while it executes.
                    System.err.println("[kernel] Interrupted, but this cell's code is still running: Java code stops only "
                            + "where it checks for interruption (sleep, wait, I/O, Thesis Lab's training steps and data "
                            + "generators). Wait for it, or restart the kernel (its variables are lost).");
                }
            }
        });
    }

    /** JShell's stop: interrupt the running snippet (the original shut the executor down for good). */
    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        LIVE.remove(this);
        executor.shutdownNow();
        super.close();
    }
}
