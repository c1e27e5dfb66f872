package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * Thesis Lab's fix for rapaio-jupyter-kernel 3.0.1, compiled by {@code environment/lab setup} and put before the
 * kernel's jar on its classpath. It has the original's members and behaviour, except for interrupt_request.
 *
 * <p>What was wrong, for upstream: the original handed interrupt_request to {@code RapaioKernel}, whose handler
 * works on {@code Channels}' per-request state (the parent message id and the stack of after-actions), which the
 * running execute_request owns. So the interrupt, handled on this thread while the cell ran, set the parent id to
 * its own, published idle (the kernel looked idle), and ran the cell's after-actions (its idle status, console
 * unbinding, freeing the parent id); the cell's error and execute_reply then went out with no parent, and the
 * frontend kept the cell at [*] forever. The interrupt_reply itself went out on the shell socket, so the client
 * never got it. Here an interrupt_request is answered on this channel's own socket and only interrupts the
 * running snippet ({@link RapaioExecutionControl#interruptAll()}); the cell then ends and replies as usual. The
 * thread is named Control-N (the original reused Shell-N, which made thread dumps ambiguous).
 */
public final class ControlChannel extends AbstractChannel {
    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels channels;
    private volatile LoopThread loopThread;

    public ControlChannel(Channels channels, ZMQ.Context context, HMACDigest hmacGenerator) {
        super(channels, "ControlChannel", context, SocketType.ROUTER, hmacGenerator);
        this.channels = channels;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String channelThreadName = "Control-" + ID.getAndIncrement();
        String addr = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "Binding to " + addr);
        socket.bind(addr);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread(channelThreadName, LOOP_SLEEP, () -> poll(poller, channelThreadName));
        loopThread.start();
    }

    private void poll(ZMQ.Poller poller, String channelThreadName) {
        if (poller.poll(0) <= 0) {
            return;
        }
        Message<?> message = readMessage();
        if (MessageType.CONTROL_INTERRUPT_REQUEST.equals(message.header().type())) {
            LOGGER.info(logPrefix + "Handling message: " + message.header().type().name());
            ControlInterruptReply reply = new ControlInterruptReply();
            sendMessage(new Message<>(message.getId(), reply.type(), reply));
            RapaioExecutionControl.interruptAll();
        } else {
            handle(message, channelThreadName);
        }
    }

    private <T> void handle(Message<T> message, String channelThreadName) {
        MessageType<T> type = message.header().type();
        MessageHandler<T> handler = channels.getHandler(type);
        if (handler == null) {
            LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
            return;
        }
        LOGGER.info(logPrefix + "Handling message: " + type.name());
        channels.setMsgId(message.getId());
        try {
            handler.handle(message);
        } catch (Exception e) {
            LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". " + e.getClass().getSimpleName() + ": "
                    + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
        }
        if (channels.isMarkedForShutdown()) {
            LOGGER.info(channelThreadName + " shutting down connection marked for shutdown.");
            channels.close();
        }
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                // The original ends the wait on interrupt, too.
            }
        }
    }
}
