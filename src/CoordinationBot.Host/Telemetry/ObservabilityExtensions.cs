using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CoordinationBot.Host.Telemetry;

public static class ObservabilityExtensions
{
    /// <summary>Where telemetry goes: Application Insights (Azure Monitor distro) when this is set.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Where telemetry goes: an OTLP collector when this is set (with the other standard OTEL_EXPORTER_OTLP_* settings).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// JSON console logs with scopes (activity, conversation, tenant), health checks, and telemetry exported when an
    /// exporter is configured: traces of every turn (ASP.NET Core, outgoing HTTP, the bot's own spans), the bot's and
    /// the delivery worker's metrics, and logs. With neither setting nothing is collected or sent.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "O";
        });
        builder.Services.AddHealthChecks();

        var applicationInsights = builder.Configuration[ApplicationInsightsSetting];
        var otlp = builder.Configuration[OtlpEndpointSetting];
        if (string.IsNullOrWhiteSpace(applicationInsights) && string.IsNullOrWhiteSpace(otlp))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("coordbot"))
            .WithTracing(tracing => tracing.AddSource(BotTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(BotTelemetry.Name));
        if (!string.IsNullOrWhiteSpace(applicationInsights))
        {
            // The distro brings its own ASP.NET Core and HttpClient instrumentation.
            telemetry.UseAzureMonitor(options => options.ConnectionString = applicationInsights);
        }
        else
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter(), options =>
                {
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });
        }

        return builder;
    }
}
