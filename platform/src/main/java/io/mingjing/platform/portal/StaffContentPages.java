package io.mingjing.platform.portal;

import io.mingjing.platform.identity.CurrentCaller;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The three requests of every staff content page — the form, the confirmation of what will go out, the
 * publishing — for one kind; a subclass names its path and says what its kind is ({@link StaffContent.Kind}).
 */
public abstract class StaffContentPages implements StaffContent.Kind {

    @Inject
    StaffContent content;
    @Inject
    CurrentCaller caller;

    @GET
    @Transactional
    public TemplateInstance page(@QueryParam("done") String done) {
        return content.form(this, done);
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response preview(MultivaluedMap<String, String> form) {
        return content.preview(this, form);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response publish(MultivaluedMap<String, String> form) {
        return content.publish(this, form, caller.get().actor());
    }
}
