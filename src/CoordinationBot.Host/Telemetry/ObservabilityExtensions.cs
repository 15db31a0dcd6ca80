namespace CoordinationBot.Host.Telemetry;

public static class ObservabilityExtensions
{
    /// <summary>JSON console logs with scopes (activity, conversation, tenant), health checks.</summary>
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
        return builder;
    }
}
