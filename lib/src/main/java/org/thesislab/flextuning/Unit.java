package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit f^ℓ of the network f = f^L ∘ … ∘ f^1 (thesis §4.1.2): one layer or a block of consecutive
 * layers, the granularity at which flex-tuning fine-tunes. A unit is either frozen or tuned.
 */
public final class Unit {

    private final String name;
    private final List<Layer> layers;
    private boolean tuned;

    public Unit(String name, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Unit '" + name + "' needs at least one layer.");
        }
        this.name = name;
        this.layers = List.copyOf(layers);
    }

    public String name() {
        return name;
    }

    public List<Layer> layers() {
        return layers;
    }

    public NDArray forward(NDArray x) {
        NDArray y = x;
        for (Layer layer : layers) {
            y = layer.forward(y);
        }
        return y;
    }

    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    /** The unit's own weights and biases, in a fixed order. */
    public List<NDArray> parameters() {
        List<NDArray> list = new ArrayList<>();
        for (Layer layer : layers) {
            list.add(layer.weight());
            list.add(layer.bias());
        }
        return list;
    }

    public boolean isTuned() {
        return tuned;
    }

    /** Tuned units' weights receive gradients; frozen units' do not (gradients still flow through them). */
    void setTuned(boolean tuned) {
        this.tuned = tuned;
        for (NDArray p : parameters()) {
            p.setRequiresGradient(tuned);
        }
    }

    Unit copy(NDManager manager) {
        List<Layer> copies = new ArrayList<>();
        for (Layer layer : layers) {
            copies.add(layer.copy(manager));
        }
        return new Unit(name, copies);
    }

    /** Network surgery: this unit takes a copy of the donor unit's weights. */
    void copyWeightsFrom(Unit donor) {
        if (donor.layers.size() != layers.size()) {
            throw new IllegalArgumentException("Unit '" + name + "' has " + layers.size() + " layers, donor '"
                    + donor.name + "' has " + donor.layers.size() + ".");
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer from = donor.layers.get(i);
            layers.get(i).replace(from.weight().duplicate(), from.bias().duplicate());
        }
        setTuned(tuned);
    }
}
