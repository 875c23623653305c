package io.mingjing.platform.portal;

import io.mingjing.platform.feature.OfFeature;
import io.mingjing.platform.identity.CurrentCaller;
import io.mingjing.platform.orgunit.OrgUnit;
import io.mingjing.platform.orgunit.Places;
import io.mingjing.platform.payment.PaymentFeature;
import io.mingjing.platform.payment.Payments;
import io.mingjing.platform.resident.Resident;
import io.mingjing.platform.resident.ResidentAccess;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 我的资金 and the village's payments (resident-only, masked). */
@Path("/t/{tenant}")
@Produces(MediaType.TEXT_HTML)
@OfFeature(PaymentFeature.ID)
public class FundsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance funds(Page p, Payments.Mine mine, String appeal);

        static native TemplateInstance villageFunds(Page p, boolean allowed, List<Payments.VillageRow> rows,
                String appeal);
    }

    @Inject
    PortalContext ctx;
    @Inject
    CurrentCaller caller;
    @Inject
    ResidentAccess residentAccess;
    @Inject
    Places places;
    @Inject
    Payments payments;

    /** The villager's own payments by year and programme. */
    @GET
    @Path("/funds")
    @Authenticated
    @Transactional
    public TemplateInstance funds() {
        Resident me = Resident.byUserId(caller.get().userId());
        Page p = ctx.page(me == null ? null : OrgUnit.findById(me.registeredVillage));
        return Templates.funds(p, me == null ? null : payments.mine(me), p.base() + "/appeals/new?payment=");
    }

    /** The village's payments for its residents and staff; others see a login prompt. */
    @GET
    @Path("/v/{village}/funds")
    @Transactional
    public TemplateInstance villageFunds(@PathParam("village") String code, @QueryParam("year") Integer year,
            @QueryParam("page") @DefaultValue("0") int page) {
        Page p = ctx.page(VillagePortal.village(code));
        boolean allowed = residentAccess.mayReadResidentContent(code);
        Resident me = allowed ? Resident.byUserId(caller.get().userId()) : null;
        return Templates.villageFunds(p, allowed, allowed ? payments.village(code, year, page, places.mayActOn(code),
                me == null ? null : me.id) : List.of(), p.base() + "/appeals/new?payment=");
    }
}
