package io.mingjing.platform.task;

/** A task is open until its assignee shows it done, with evidence. */
public enum TaskState {
    OPEN, DONE
}
