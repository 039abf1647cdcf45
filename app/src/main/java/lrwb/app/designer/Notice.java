package lrwb.app.designer;

/** The outcome of the last action, for the status line: "Saved …", or an error the user can act on. */
public record Notice(String text, boolean error) {
    static Notice info(String text) {
        return new Notice(text, false);
    }

    static Notice error(String text) {
        return new Notice(text, true);
    }
}
