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
public sealed class TableConflictException : TableStorageException
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
