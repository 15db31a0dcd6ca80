using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CoordinationBot.Host.Apis;

/// <summary><c>GET /healthz</c>: the process and its storage; answers 503 when storage is unreachable.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new HealthCheckOptions());
        return app;
    }
}
