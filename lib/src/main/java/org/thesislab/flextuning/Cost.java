package org.thesislab.flextuning;

/**
 * What a fine-tuning run or a selection method costs (thesis Table 4.1): gradient steps, epochs (training
 * examples passed forward and backward, divided by |D|), validation forward passes (in examples), and
 * wall-clock seconds. Costs of the runs a method needs add up with {@link #plus}.
 */
public record Cost(long steps, double epochs, long valExamples, double seconds) {

    public static final Cost ZERO = new Cost(0, 0, 0, 0);

    public Cost plus(Cost other) {
        return new Cost(steps + other.steps, epochs + other.epochs, valExamples + other.valExamples,
                seconds + other.seconds);
    }

    /** Forward passes over the validation set only: the cost of evaluating one proxy network. */
    public static Cost validationOnly(long examples, double seconds) {
        return new Cost(0, 0, examples, seconds);
    }
}
