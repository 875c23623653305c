package io.mingjing.platform.service;

import io.mingjing.platform.clock.SlaState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service application as its readers see it: applicant, filer, the village and the reviewers.
 *
 * @param stages the item's review stages, each with its steps and whether each is decided or waited on
 * @param missing the 补正 list, by material id → name
 */
public record ServiceView(long id, String item, String itemName, int itemVersion, String village, String applicant,
        String via, ServiceState state, int stage, int seq, int required, SlaState sla, Instant dueAt,
        Map<String, String> missing, Boolean granted, String result, Integer score, String ratingNote,
        Instant createdAt, Instant submittedAt, Instant handlingStartedAt, Instant completedAt,
        Map<String, Object> form, List<MaterialView> materials, List<StageView> stages, List<LineView> lines,
        boolean mine, List<String> waitingForMe, Map<String, String> itemMaterials) {

    /** What the applicant's side sends now: the 补正's list, or every material of a draft. */
    public Map<String, String> toSend() {
        return state == ServiceState.SUPPLEMENT ? missing : itemMaterials;
    }

    public record MaterialView(long id, String material, String name, String filename, String contentType, String sha256) {
    }

    public record StageView(int index, String name, String mode, int hours, boolean current, boolean done,
            List<StepView> steps) {
    }

    /** @param decision approve, reject or supplement once decided; null while open or not reached */
    public record StepView(String id, String name, String who, String decision) {
    }

    public record LineView(Instant at, String actor, String step, String action, String note) {
    }

    /** One row of a list. */
    public record Row(long id, String item, String itemName, String village, String applicant, ServiceState state,
            SlaState sla, Instant dueAt, Instant createdAt, Integer score) {
    }

    public record Page(List<Row> items, Long next) {
    }
}
