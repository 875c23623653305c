package io.mingjing.platform.service;

import java.util.List;
import java.util.Map;

/** What clients send about service applications. */
public final class ServiceRequests {

    private ServiceRequests() {
    }

    /**
     * @param resident the applicant's resident id: required when an agent files, the caller's own otherwise
     * @param submit send it on at once (an item needing materials then fails with the list of what is missing)
     */
    public record NewApplication(String item, Long resident, Map<String, Object> form, Boolean submit) {
    }

    /** 受理/审核: APPROVE (take on, or approve the step), REJECT (with why), SUPPLEMENT (补正: what is missing). */
    public enum Action {
        APPROVE, REJECT, SUPPLEMENT
    }

    /**
     * @param step the step decided (intake, or a review step's id); may be left out when the caller waits on one step only
     * @param seq the stage as seen: one decided meanwhile is a 409
     * @param missing for SUPPLEMENT: the ids of the item's materials that are missing or unusable
     * @param result for the last approval: the result the applicant gets (e.g. 每月100元, from 2025-01)
     */
    public record Decision(String step, Integer seq, Action action, String note, List<String> missing, String result) {
    }

    public record Rating(Integer score, String note) {
    }

    public record Members(List<String> members) {
    }

    /** The admin's item: its content, whether it is offered, and where it stands in the catalogue. */
    public record ItemChange(ServiceItemSpec item, Boolean enabled, Integer position) {
    }
}
