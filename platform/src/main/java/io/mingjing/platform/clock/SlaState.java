package io.mingjing.platform.clock;

/** 红黄绿灯 of any case (appeal, approval, service application, task): GREEN until 80 % of the step's limit, YELLOW after, RED when overdue. */
public enum SlaState {
    GREEN, YELLOW, RED
}
