package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.policy.Policy;
import io.mingjing.platform.policy.PolicyFeature;
import io.mingjing.platform.policy.PolicyQa;
import io.mingjing.platform.policy.PolicyService;
import io.mingjing.platform.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 惠民政策: the library, searchable, and one policy with its questions and answers. */
@Path("/t/{tenant}/policies")
@Produces(MediaType.TEXT_HTML)
@OfFeature(PolicyFeature.ID)
public class PolicyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policies(Page p, List<Policy> list, List<String> categories, String q,
                String category);

        static native TemplateInstance policy(Page p, Policy policy, List<PolicyQa> qa);
    }

    @Inject
    PortalContext ctx;
    @Inject
    PolicyService policies;

    @GET
    @Transactional
    public TemplateInstance policies(@QueryParam("q") String q, @QueryParam("category") String category) {
        return Templates.policies(ctx.page(VillagePortal.remembered(ctx)), policies.search(q, category),
                policies.categories(), q == null ? "" : q, category == null ? "" : category);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TemplateInstance policy(@PathParam("id") long id) {
        Policy x = Policy.findById(id);
        if (x == null) {
            throw ProblemException.notFound("No policy " + id + ".");
        }
        return Templates.policy(ctx.page(VillagePortal.remembered(ctx)), x, policies.qa(id));
    }
}
