package dev.hookstub.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import dev.hookstub.server.error.ApiProblemMapper;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.error.JsonProcessingExceptionMapper;
import dev.hookstub.server.error.StoreExceptionMapper;
import dev.hookstub.server.error.UnexpectedExceptionMapper;
import dev.hookstub.server.error.WebApplicationExceptionMapper;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.validation.RequestValidationFilter;
import dev.hookstub.server.validation.SpecRequestValidator;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** What every API's Jersey application shares: the JSON provider, its error mappers, spec validation. */
public final class ApiResourceConfig {

    private ApiResourceConfig() {
    }

    public static ResourceConfig create(String name, OpenApiSpec spec, ErrorFormat format, ObjectMapper mapper) {
        return create(name, new SpecRequestValidator(spec, format), format, mapper);
    }

    public static ResourceConfig create(String name, SpecRequestValidator validator, ErrorFormat format,
                                        ObjectMapper mapper) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName(name);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // The provider alone, without Jackson's exception mappers: ours write every error body.
        config.register(new JacksonJsonProvider(mapper));
        config.register(new RequestLimitsFilter());
        config.register(new UnfinishedBodyGuard());
        config.register(new DefaultPortFilter());
        config.register(new FixedAcceptFilter(format.mediaType()));
        config.register(new RequestValidationFilter(validator));
        config.register(new ApiProblemMapper(format));
        config.register(new WebApplicationExceptionMapper(format));
        config.register(new JsonProcessingExceptionMapper(format));
        config.register(new StoreExceptionMapper(format));
        config.register(new UnexpectedExceptionMapper(format));
        return config;
    }
}
