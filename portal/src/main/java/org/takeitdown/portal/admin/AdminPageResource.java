package org.takeitdown.portal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.takeitdown.portal.platform.CanaryService;
import org.takeitdown.portal.platform.FeedbackService;
import org.takeitdown.portal.platform.NoSuchItem;
import org.takeitdown.portal.platform.NoSuchPlatform;
import org.takeitdown.portal.platform.PlatformApi;
import org.takeitdown.portal.platform.PlatformRevoked;
import org.takeitdown.portal.platform.PlatformService;
import org.takeitdown.portal.web.BadRequest;
import org.takeitdown.portal.web.WritesNothing;

/**
 * The operator's page: platforms, keys and scopes, "which platform leaked this list?", and items flagged as possible false submissions (forms from other
 * sites are refused by {@link org.takeitdown.portal.web.CrossSiteFilter} before they get here; sign-in by {@link AdminAuthMechanism}).
 */
@Path("/admin")
@RolesAllowed(AdminIdentityProvider.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPageResource {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<PlatformApi.PlatformView> platforms, FeedbackService.Flagged flagged,
                                             int flagThreshold, PlatformApi.PlatformKey newKey, String error,
                                             List<PlatformApi.Leak> leaks);
    }
    private final PlatformService platforms;
    private final FeedbackService feedback;
    private final int flagThreshold;
    private final CanaryService canaries;

    public AdminPageResource(PlatformService platforms, FeedbackService feedback,
                             org.takeitdown.portal.platform.PlatformConfig config, CanaryService canaries) {
        this.canaries = canaries;
        this.platforms = platforms;
        this.feedback = feedback;
        this.flagThreshold = config.flagThreshold();
    }

    private Response render(int status, PlatformApi.PlatformKey newKey, String error) {
        return render(status, newKey, error, null);
    }

    private Response render(int status, PlatformApi.PlatformKey newKey, String error, List<PlatformApi.Leak> leaks) {
        return Response.status(status)
                .entity(Templates.admin(platforms.list(), feedback.flagged(FeedbackService.MAX_FLAGGED_SHOWN),
                        flagThreshold, newKey, error, leaks))
                .build();
    }

    /** Does {@code action} and shows the page again: with the new key if it made one, or with why it was refused. */
    private Response change(Supplier<PlatformApi.PlatformKey> action) {
        try {
            return render(200, action.get(), null);
        } catch (BadRequest e) {
            return render(400, null, e.getMessage());
        } catch (NoSuchPlatform | NoSuchItem e) {
            return render(404, null, e.getMessage());
        } catch (PlatformRevoked e) {
            return render(409, null, e.getMessage());
        }
    }

    @GET
    public Response get() {
        return render(200, null, null);
    }

    @POST
    @Path("platforms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("scope") String scope) {
        return change(() -> platforms.create(new PlatformApi.NewPlatform(name, scope)));
    }

    /** "Which platform leaked this list?": hashes pasted, or a file of them uploaded (CSV, NDJSON or plain text). */
    @POST
    @Path("leaks")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @WritesNothing
    public Response leaks(@RestForm("hashes") String pasted, @RestForm("file") FileUpload file) throws IOException {
        StringBuilder text = new StringBuilder(pasted == null ? "" : pasted);
        if (file != null && file.size() > 0) {
            text.append('\n').append(text(Files.readAllBytes(file.uploadedFile())));
        }
        return render(200, null, null, canaries.leakedBy(text.toString()));
    }

    /**
     * A leaked file's text in whatever encoding it came: UTF-16 by its byte-order mark (spreadsheets save
     * "Unicode text" so), otherwise byte for byte (ISO-8859-1), which keeps every hex digit of UTF-8,
     * Windows-1252 or Latin-1 files as it is and never fails on the bytes around them.
     */
    private static String text(byte[] bytes) {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        return new String(bytes, utf16 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
    }

    @POST
    @Path("platforms/{id}/rotate")
    public Response rotate(@PathParam("id") long id) {
        return change(() -> platforms.rotate(id));
    }

    @POST
    @Path("platforms/{id}/revoke")
    public Response revoke(@PathParam("id") long id) {
        return change(() -> {
            platforms.revoke(id);
            return null;
        });
    }

    @POST
    @Path("platforms/{id}/listing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response listing(@PathParam("id") long id, @FormParam("listed") String listed,
                            @FormParam("scans") String scans) {
        return change(() -> {
            platforms.setListing(id, new PlatformApi.Listing("yes".equals(listed), scans));
            return null;
        });
    }

    @POST
    @Path("items/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id, @FormParam("reason") String reason) {
        return change(() -> {
            platforms.removeItem(id, new PlatformApi.Removal(reason));
            return null;
        });
    }
}
