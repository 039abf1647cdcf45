package lrwb.engine.run;

/** A recorder whose held rows (and waiting network copy) the run service's flusher writes out when they are due, whatever the job is doing. */
interface DueFlush {
    /** Any thread; writes held rows that are {@link CsvLog#FLUSH_MILLIS} old (in the order the files need); a
     * failure is kept for the job's thread to report. */
    void flushIfDue();
}
