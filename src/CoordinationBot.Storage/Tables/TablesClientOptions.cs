using Azure.Core;

namespace CoordinationBot.Storage.Tables;

/// <summary>Azure.Core pipeline options for our Tables client (retries of 408/429/5xx, logging, diagnostics).</summary>
public sealed class TablesClientOptions : ClientOptions
{
    public TablesClientOptions()
    {
        Retry.MaxRetries = 4;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Diagnostics.ApplicationId = "coordbot";
    }
}
