package org.thesislab.core.train;

/** Training stopped because the loss became NaN or infinite; the message says where and what to try. */
public class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(String message) {
        super(message);
    }
}
