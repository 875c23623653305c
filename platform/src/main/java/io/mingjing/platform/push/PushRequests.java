package io.mingjing.platform.push;

import java.util.List;

/** What senders send about pushes. */
public final class PushRequests {

    private PushRequests() {
    }

    /**
     * Whom a push reaches: the residents registered in or living in the villages named (a town's code
     * names its villages; none named: every village the sender serves), within the age band, paid under
     * one of the programmes named, and party members if asked. Every filter given must hold (AND); within
     * a list, any one of it.
     *
     * @param minAge years, 0-150, or null
     * @param maxAge years, 0-150, not below minAge, or null
     * @param programmes names of benefit programmes of the county
     */
    public record Audience(List<String> villages, Integer minAge, Integer maxAge, List<String> programmes,
            Boolean partyMembersOnly) {

        public static final Audience EVERYONE = new Audience(List.of(), null, null, List.of(), false);
    }

    /**
     * A push: what it is about (one of a published notice, a policy, or a title with a text of the
     * sender's own) and its audience.
     */
    public record NewPush(Long notice, Long policy, String title, String text, Audience audience) {
    }

    /** How many residents an audience reaches now. */
    public record Preview(long residents) {
    }
}
