package io.mingjing.platform.appeal;

/** 红黄绿灯: GREEN until 80 % of the step's limit, YELLOW after, RED when overdue. */
public enum SlaState {
    GREEN, YELLOW, RED
}
