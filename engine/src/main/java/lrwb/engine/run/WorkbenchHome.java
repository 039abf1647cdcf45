package lrwb.engine.run;

import java.nio.file.Path;

/** The workbench's folder on disk: {@code ~/.lrworkbench}, or {@code LRWB_HOME}, or an explicit {@code --home}. */
public record WorkbenchHome(Path root) {

    public static WorkbenchHome resolve(Path explicit) {
        if (explicit != null) {
            return new WorkbenchHome(explicit);
        }
        String env = System.getenv("LRWB_HOME");
        if (env != null && !env.isBlank()) {
            return new WorkbenchHome(Path.of(env));
        }
        return new WorkbenchHome(Path.of(System.getProperty("user.home"), ".lrworkbench"));
    }

    public Path schedules() {
        return root.resolve("schedules");
    }

    public Path runs() {
        return root.resolve("runs");
    }

    /** Where sweeps get their folders, one per sweep with its cells' run folders inside (not in {@link #runs()}). */
    public Path sweeps() {
        return root.resolve("sweeps");
    }
}
