package io.mingjing.platform.appeal;

/** 提建议 · 我想说个事 · 我想要举报 · 公开质询. */
public enum AppealKind {
    SUGGESTION, COMPLAINT,
    /** To the discipline inspectors; may be anonymous; the reporter is visible to inspectors only. */
    REPORT,
    /** A public question to the village committee, answered in public. */
    INQUIRY
}
