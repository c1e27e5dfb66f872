package org.thesislab.core;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Picks where tensors live: the first GPU when the engine sees one, else the CPU. */
public final class Devices {
    private Devices() {}

    public static Device best() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
    }

    /** One line for the top of a notebook, e.g. "cpu (PyTorch 2.5.1, 2 threads)". */
    public static String describe(Device device) {
        Engine engine = Engine.getInstance();
        String where = device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
        return where + " (" + engine.getEngineName() + " " + engine.getVersion() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPU cores)";
    }
}
