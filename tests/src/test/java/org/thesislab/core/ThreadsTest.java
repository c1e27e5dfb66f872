package org.thesislab.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ThreadsTest {
    @Test
    void setChangesTheEngineCountAndRejectsNonsense() {
        int before = Threads.current();
        try {
            assertEquals(2, Threads.set(2));
            assertEquals(2, Threads.current());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threads.set(0));
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        } finally {
            Threads.set(before);
        }
    }

    @Test
    void policyIsOneThreadOnCpuUnlessOverridden() {
        String env = System.getenv(Threads.ENV);
        int expected = env != null && !env.isBlank() ? Integer.parseInt(env.trim()) : 1;
        assertEquals(expected, Threads.configure());
        assertEquals(expected, Threads.current());
    }
}
