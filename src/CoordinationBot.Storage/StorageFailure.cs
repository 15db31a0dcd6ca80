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
}
