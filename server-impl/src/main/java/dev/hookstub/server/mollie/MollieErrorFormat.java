package dev.hookstub.server.mollie;

import dev.hookstub.api.mollie.model.MollieGetWebhook404Response;
import dev.hookstub.api.mollie.model.MollieGetWebhook404ResponseLinks;
import dev.hookstub.api.mollie.model.MollieGetWebhook404ResponseLinksDocumentation;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import jakarta.ws.rs.core.MediaType;

/**
 * Mollie's error object, as {@code application/hal+json}: status, title, detail, {@code field} when one field caused
 * it, and a link to Mollie's error-handling guide. An id that does not match {@code ^hook_.+$} names no webhook
 * (404); other invalid parameters are 422s naming the field, as Mollie answers them.
 */
final class MollieErrorFormat implements ErrorFormat {

    static final MediaType HAL_JSON = new MediaType("application", "hal+json");
    static final String ERRORS_GUIDE = "https://docs.mollie.com/overview/handling-errors";

    @Override
    public MediaType mediaType() {
        return HAL_JSON;
    }

    @Override
    public Object body(ApiProblem problem) {
        return new MollieGetWebhook404Response()
                .status(problem.status())
                .title(problem.title())
                .detail(problem.detail())
                .field(problem.field())
                .links(new MollieGetWebhook404ResponseLinks().documentation(
                        new MollieGetWebhook404ResponseLinksDocumentation().href(ERRORS_GUIDE).type("text/html")));
    }

    @Override
    public int invalidInputStatus() {
        return 422;
    }
}
