package io.mingjing.platform.branch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mingjing.platform.audit.AuditLog;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.staff.DemoPeople;
import io.mingjing.platform.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
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
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().findAndRegisterModules();
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
    TenantScope scope;
    @Inject
    CurrentCaller caller;
    @Inject
    BranchService branch;
    @Inject
    AuditLog audit;

    public void apply(String tenant, Path county, String actor) throws IOException {
        Path yaml = county.resolve(FILE);
        if (!Files.isRegularFile(yaml)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(yaml);
        File file = YAML.readValue(bytes, File.class);
        scope.run(tenant, () -> {
            if (audit.records(ACTION, bytes)) {
                return;
            }
            for (Member m : file.members() == null ? List.<Member>of() : file.members()) {
                caller.actAs(DemoPeople.caller(tenant, m.by(), FILE));
                branch.addMember(new BranchView.NewMember(m.village(), m.resident(), m.staff()));
            }
            for (Meeting m : file.meetings() == null ? List.<Meeting>of() : file.meetings()) {
                hold(tenant, m);
            }
            audit.append(actor, ACTION, "Descriptor", FILE, bytes);
        });
    }

    private void hold(String tenant, Meeting m) {
        caller.actAs(DemoPeople.caller(tenant, m.by(), FILE));
        long id = branch.record(new BranchView.NewMeeting(m.village(), m.title(), DemoPeople.daysAgo(m.daysAgo(),
                m.hour()), m.minutes())).id;
        for (String who : m.likes() == null ? List.<String>of() : m.likes()) {
            caller.actAs(DemoPeople.caller(tenant, who, FILE));
            branch.like(id);
        }
        for (Comment c : m.comments() == null ? List.<Comment>of() : m.comments()) {
            caller.actAs(DemoPeople.caller(tenant, c.by(), FILE));
            branch.comment(id, c.body());
        }
    }
}
