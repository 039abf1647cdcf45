package lrwb.spark;

import lrwb.engine.run.RunService;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.NativeSettings;

/**
 * The engine of one Spark executor JVM: one {@link EngineContext} and one {@link RunService} for every cell task
 * that JVM runs. A task gets nothing from the driver but its cell, so the executor keeps them itself, made at its
 * first task and never closed (their threads are daemons, ended with the executor): making them per task would
 * start ND4J's pools and the record flusher again for every cell. This is the one static holder of engine state in
 * the program, and only executors use it; the driver's CLI keeps its own context as everywhere else. With an
 * embedded master (local[N]) the executor is the driver's JVM, and the two live side by side.
 */
final class ExecutorEngine {
    private static RunService service;

    private ExecutorEngine() {
    }

    /** The executor's run service; ND4J's native settings are in force before anything loads it. */
    static synchronized RunService runService() {
        if (service == null) {
            NativeSettings.beforeNd4jLoads();
            service = new RunService(EngineContext.create());
        }
        return service;
    }
}
