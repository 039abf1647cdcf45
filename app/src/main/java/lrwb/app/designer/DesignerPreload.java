package lrwb.app.designer;

import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.ScheduleSpec;

/**
 * What the Designer's first look needs from the engine, done on a spare core while the JavaFX toolkit starts: the
 * JSON reader (Jackson's first use loads and links a few hundred classes) and the schedule math of every preset,
 * so that building the window on the FX thread finds them loaded and compiled. Touches no JavaFX.
 */
public final class DesignerPreload {
    private DesignerPreload() {
    }

    /** Starts the preload on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(DesignerPreload::run, "lrwb-preload");
        t.setDaemon(true);
        t.start();
    }

    static void run() {
        for (Preset preset : Preset.ALL) {
            ScheduleSpec spec = preset.spec();
            if (spec instanceof FormulaSchedule f) {
                for (int i = 0; i < 10_000; i += 97) { // loads and links the math, without a compile storm
                    f.lrAtIteration(i, 100);
                }
            }
        }
    }
}
