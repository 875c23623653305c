package io.mingjing.platform.branch;

import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.staff.DemoPeople;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A county descriptor's {@code branch.yaml}: who is a party member of which village's branch (named by
 * the town official or county admin it names), and branch meetings recorded by a cadre who is a member,
 * then liked and commented on by members — all through the same service and checks as their own
 * requests, meetings dated days back from the day it is applied; applied once per version of the file.
 */
@ApplicationScoped
public class DemoBranch {

    static final String FILE = "branch.yaml";
    private static final String ACTION = "demo-branch.applied";

    /** @param by who keeps the membership; @param resident a resident's phone, or @param staff a username */
    public record Member(String by, String village, String resident, String staff) {
    }

    public record Comment(String by, String body) {
    }

    /** @param likes who likes the minutes; @param daysAgo when the meeting was held, in days before today */
    public record Meeting(String by, String village, String title, int daysAgo, Integer hour, String minutes,
            List<String> likes, List<Comment> comments) {
    }

    public record File(List<Member> members, List<Meeting> meetings) {
    }

    @Inject
    DemoSeed seed;
    @Inject
    CurrentCaller caller;
    @Inject
    BranchService branch;

    public void apply(String tenant, Path county, String actor) throws IOException {
        seed.apply(tenant, county.resolve(FILE), File.class, ACTION, actor, file -> {
            for (Member m : DemoSeed.each(file.members())) {
                caller.actAs(DemoPeople.caller(tenant, m.by(), FILE));
                branch.addMember(new BranchView.NewMember(m.village(), m.resident(), m.staff()));
            }
            DemoSeed.each(file.meetings()).forEach(m -> hold(tenant, m));
        });
    }

    private void hold(String tenant, Meeting m) {
        caller.actAs(DemoPeople.caller(tenant, m.by(), FILE));
        long id = branch.record(new BranchView.NewMeeting(m.village(), m.title(), DemoPeople.daysAgo(m.daysAgo(),
                m.hour()), m.minutes())).id;
        for (String who : DemoSeed.each(m.likes())) {
            caller.actAs(DemoPeople.caller(tenant, who, FILE));
            branch.like(id);
        }
        for (Comment c : DemoSeed.each(m.comments())) {
            caller.actAs(DemoPeople.caller(tenant, c.by(), FILE));
            branch.comment(id, c.body());
        }
    }
}
