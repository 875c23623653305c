package io.mingjing.platform.approval;

/** 三资审批的种类. PAYMENT and LABOUR end in a payment; the others end when their last step approves. */
public enum ApprovalKind {
    PAYMENT("支付"), LABOUR("务工"), PROCUREMENT("采购"), PROJECT("工程"), SEAL("用印");

    public final String zh;

    ApprovalKind(String zh) {
        this.zh = zh;
    }

    public boolean payable() {
        return this == PAYMENT || this == LABOUR;
    }
}
