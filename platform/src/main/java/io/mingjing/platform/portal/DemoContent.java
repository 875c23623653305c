package io.mingjing.platform.portal;

import io.mingjing.platform.disclosure.Disclosure;
import io.mingjing.platform.disclosure.DisclosureService;
import io.mingjing.platform.notice.Notice;
import io.mingjing.platform.notice.NoticeService;
import io.mingjing.platform.payment.PaymentImport;
import io.mingjing.platform.payment.Programme;
import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.policy.PolicyService;
import io.mingjing.platform.powerlist.PowerListService;
import io.mingjing.platform.seed.DemoSeed;
import io.mingjing.platform.tenancy.TenantScope;
import io.mingjing.platform.villagepost.VillagePost;
import io.mingjing.platform.villagepost.VillagePosts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Demo content of a county descriptor: {@code transparency.yaml} (policies, power list, published
 * disclosures, notices, village rules and honours) and {@code payments.csv}. Each file is applied once
 * per version (its digest is remembered in the audit chain), through the same services the API uses.
 */
@ApplicationScoped
public class DemoContent {

    private static final String FILE = "transparency.yaml";

    public record DemoPolicy(String title, String category, String department, String summary, String body,
            List<PolicyService.Qa> qa, List<String> programmes) {
    }

    /** @param publishedOn yyyy-MM-dd; when absent, a day just after the period ({@link DemoDates}) */
    public record DemoDisclosure(String village, String category, String title, String period, String visibility,
            String body, List<Disclosure.Line> lines, String publishedOn) {
    }

    public record DemoNotice(String target, String code, String title, String body, String publishedOn) {
    }

    public record DemoPost(String village, String kind, String title, String body, String publishedOn) {
    }

    public record File(List<DemoPolicy> policies, List<PowerListService.NewItem> powerItems,
            List<DemoDisclosure> disclosures, List<DemoNotice> notices, List<DemoPost> posts) {
    }

    @Inject
    VillagePosts posts;
    @Inject
    TenantScope scope;
    @Inject
    DemoSeed seed;
    @Inject
    PolicyService policies;
    @Inject
    PowerListService power;
    @Inject
    DisclosureService disclosures;
    @Inject
    NoticeService notices;
    @Inject
    PaymentImport payments;

    public void apply(String tenant, Path county, String actor) throws IOException {
        Path yaml = county.resolve(FILE);
        seed.apply(tenant, yaml, File.class, "demo-content.applied", actor, content -> publish(content, actor));
        seed.importOnce(tenant, county.resolve("payments.csv"), "payments.imported",
                csv -> payments.importFile(csv, "payments.csv", actor));
        File content = DemoSeed.read(yaml, File.class);
        if (content != null) {
            scope.run(tenant, () -> linkProgrammes(content));
        }
    }

    private void publish(File content, String actor) {
        for (DemoPolicy p : DemoSeed.each(content.policies())) {
            policies.create(new PolicyService.NewPolicy(p.title(), p.category(), p.department(), p.summary(), p.body(),
                    p.qa()), actor);
        }
        DemoSeed.each(content.powerItems()).forEach(i -> power.create(i, actor));
        for (DemoDisclosure d : DemoSeed.each(content.disclosures())) {
            Disclosure x = disclosures.draft(d.village(), new DisclosureService.Draft(d.category(), d.title(),
                    d.period(), d.body(), d.lines(), d.visibility()), actor);
            disclosures.submit(x.id, actor);
            Instant on = DemoDates.of(d.publishedOn(), d.period());
            disclosures.publish(x.id, actor, on == null ? Instant.now() : on);
        }
        for (DemoNotice n : DemoSeed.each(content.notices())) {
            Notice x = notices.publish(new NoticeService.NewNotice(n.title(), n.body(), n.target(), n.code()), actor);
            Instant on = DemoDates.of(n.publishedOn(), n.title());
            x.publishedAt = on == null ? x.publishedAt : on;
        }
        for (DemoPost p : DemoSeed.each(content.posts())) {
            VillagePost x = posts.create(p.village(), new VillagePosts.NewPost(p.kind(), p.title(), p.body()), actor);
            Instant on = DemoDates.of(p.publishedOn(), p.title());
            x.publishedAt = on == null ? x.publishedAt : on;
        }
    }

    /** Programmes exist once payments are imported, whichever boot that was: link them to their policies. */
    private static void linkProgrammes(File content) {
        for (DemoPolicy p : DemoSeed.each(content.policies())) {
            Policy policy = Policy.find("title", p.title()).firstResult();
            for (String name : DemoSeed.each(p.programmes())) {
                Programme prog = Programme.findById(name);
                if (policy != null && prog != null && prog.policyId == null) {
                    prog.policyId = policy.id;
                }
            }
        }
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO;
    }
}
