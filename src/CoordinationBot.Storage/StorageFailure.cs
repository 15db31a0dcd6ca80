namespace CoordinationBot.Storage;

/// <summary>What a storage call throws when the storage cannot be reached or refuses: the caller retries later.</summary>
public static class StorageFailure
{
    public static bool IsOutage(Exception exception) => exception switch
    {
        Azure.RequestFailedException or HttpRequestException or Tables.TableStorageException or Azure.Identity.AuthenticationFailedException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsOutage), // retries exhausted
        _ => false,
    };

    /// <summary>One line saying what failed (the first cause, not the retry policy's wrapping).</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : exception;
        return cause.Message.ReplaceLineEndings(" ");
    }
}
