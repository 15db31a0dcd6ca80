namespace CoordinationBot.Storage.Tables;

/// <summary>The Table service refused a request.</summary>
public class TableStorageException : Exception
{
    public TableStorageException()
    {
    }

    public TableStorageException(string message)
        : base(message)
    {
    }

    public TableStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableStorageException(int status, string? errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; }

    public string? ErrorCode { get; }
}

/// <summary>
/// Optimistic concurrency lost: the entity changed since it was read (412), already exists on insert (409),
/// or was deleted before a conditional update (404). The caller reads again and decides.
/// </summary>
public class TableConflictException : TableStorageException
{
    public TableConflictException()
    {
    }

    public TableConflictException(string message)
        : base(message)
    {
    }

    public TableConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableConflictException(int status, string? errorCode, string message)
        : base(status, errorCode, message)
    {
    }
}

/// <summary>A change of a batch lost an optimistic race; the whole batch was not applied.</summary>
public sealed class TableBatchConflictException : TableConflictException
{
    public TableBatchConflictException()
    {
    }

    public TableBatchConflictException(string message)
        : base(message)
    {
    }

    public TableBatchConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableBatchConflictException(int failedIndex, int status, string? errorCode, string message)
        : base(status, errorCode, message)
    {
        FailedIndex = failedIndex;
    }

    /// <summary>The position in the batch of the change that failed (-1 when the service did not say).</summary>
    public int FailedIndex { get; } = -1;
}
