using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.IntegrationTests.Storage;

[Collection(AzuriteGroup.Name)]
public sealed class EntityTableTests(AzuriteFixture azurite)
{
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<TestEntity> Json = TestJsonContext.Default.TestEntity;
    private readonly EntityTable table = azurite.CreateServiceClient().GetTable("entities");

    [Fact]
    public async Task Add_ThenGet_ReturnsTheSameValuesAndAnETag()
    {
        var due = new DateTimeOffset(2026, 12, 15, 0, 0, 0, TimeSpan.Zero);
        await table.AddAsync(new TestEntity { PartitionKey = "p", RowKey = "r1", Title = "Sở Ngoại vụ", Count = 5_000_000_000, DueAt = due }, Json, default);

        var read = await table.GetAsync("p", "r1", Json, default);

        Assert.NotNull(read);
        Assert.Equal("Sở Ngoại vụ", read.Value.Title);
        Assert.Equal(5_000_000_000, read.Value.Count);
        Assert.Equal(due, read.Value.DueAt);
        Assert.StartsWith("W/", read.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        Assert.Null(await table.GetAsync("p", "nothing-here", Json, default));
    }

    [Fact]
    public async Task Add_Twice_IsAConflict()
    {
        var entity = new TestEntity { PartitionKey = "p", RowKey = "dup" };
        await table.AddAsync(entity, Json, default);

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => table.AddAsync(entity, Json, default));
        Assert.Equal(409, conflict.Status);
    }

    [Fact]
    public async Task Update_WithCurrentETag_Succeeds_AndWithStaleETag_IsAConflict()
    {
        await table.AddAsync(new TestEntity { PartitionKey = "p", RowKey = "u", Count = 1 }, Json, default);
        var first = (await table.GetAsync("p", "u", Json, default))!;
        var newETag = await table.UpdateAsync(first.Value with { Count = 2 }, first.ETag, Json, default);

        var stale = await Assert.ThrowsAsync<TableConflictException>(
            () => table.UpdateAsync(first.Value with { Count = 3 }, first.ETag, Json, default));

        Assert.Equal(412, stale.Status);
        Assert.NotEqual(first.ETag, newETag);
        Assert.Equal(2, (await table.GetAsync("p", "u", Json, default))!.Value.Count);
    }

    [Fact]
    public async Task Delete_WithStaleETag_IsAConflict_AndWithoutETag_Deletes()
    {
        await table.AddAsync(new TestEntity { PartitionKey = "p", RowKey = "d", Count = 1 }, Json, default);
        var first = (await table.GetAsync("p", "d", Json, default))!;
        await table.UpsertAsync(first.Value with { Count = 9 }, Json, default);

        await Assert.ThrowsAsync<TableConflictException>(() => table.DeleteAsync("p", "d", first.ETag, default));
        Assert.True(await table.DeleteAsync("p", "d", etag: null, default));
        Assert.False(await table.DeleteAsync("p", "d", etag: null, default));
    }

    [Fact]
    public async Task Query_FilterValueWithQuotesAndOperators_MatchesOnlyThatLiteral()
    {
        const string Tricky = "O'Brien' or PartitionKey ne '";
        await table.AddAsync(new TestEntity { PartitionKey = "q", RowKey = "1", Title = Tricky }, Json, default);
        await table.AddAsync(new TestEntity { PartitionKey = "q", RowKey = "2", Title = "O'Brien" }, Json, default);
        await table.AddAsync(new TestEntity { PartitionKey = "other", RowKey = "3", Title = "x" }, Json, default);

        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"q"} and Title eq {Tricky}");
        var found = await table.QueryAsync(filter, Json, default).ToListAsync();

        var only = Assert.Single(found);
        Assert.Equal("1", only.Value.RowKey);
    }

    [Fact]
    public async Task Query_MoreThanOnePage_FollowsContinuationTokens()
    {
        const int Total = 1_050;
        var big = azurite.CreateServiceClient().GetTable("many");
        await Parallel.ForEachAsync(Enumerable.Range(0, Total), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await big.AddAsync(new TestEntity { PartitionKey = "p" + (i % 3), RowKey = i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), Count = i }, Json, ct));

        var firstPage = await big.QueryPageAsync<TestEntity>(null, pageSize: null, continuationToken: null, Json, default);
        var all = await big.QueryAsync(null, Json, default).ToListAsync();

        Assert.Equal(1_000, firstPage.Items.Count);
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Equal(Total, all.Count);
        Assert.Equal(Total, all.Select(e => e.Value.Count).Distinct().Count());
    }

    [Fact]
    public async Task Query_SmallPages_ResumeWhereTheyStopped()
    {
        for (var i = 0; i < 5; i++)
        {
            await table.AddAsync(new TestEntity { PartitionKey = "pages", RowKey = "r" + i, Count = i }, Json, default);
        }

        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"pages"}");
        var page1 = await table.QueryPageAsync(filter, 2, null, Json, default);
        var page2 = await table.QueryPageAsync(filter, 2, page1.ContinuationToken, Json, default);
        var page3 = await table.QueryPageAsync(filter, 2, page2.ContinuationToken, Json, default);

        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], page1.Items.Concat(page2.Items).Concat(page3.Items).Select(e => e.Value.RowKey));
        Assert.Null(page3.ContinuationToken);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u0001b")]
    public async Task ForbiddenKeyCharacters_AreRefusedRaw_AndRoundTripEncoded(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddAsync(new TestEntity { PartitionKey = "k", RowKey = key }, Json, default));

        var encoded = TableKey.Encode(key);
        await table.UpsertAsync(new TestEntity { PartitionKey = "k", RowKey = encoded, Title = key }, Json, default);
        var read = await table.GetAsync("k", encoded, Json, default);

        Assert.Equal(key, read!.Value.Title);
        Assert.Equal(key, TableKey.Decode(read.Value.RowKey));
    }

    [Fact]
    public async Task KeysWithQuotesAndVietnamese_RoundTrip()
    {
        const string Key = "Sở Văn hóa, Thể thao và Du lịch's 50%";
        var encoded = TableKey.Encode(Key);
        await table.UpsertAsync(new TestEntity { PartitionKey = encoded, RowKey = encoded, Title = "ok" }, Json, default);

        var read = await table.GetAsync(encoded, encoded, Json, default);
        var queried = await table.QueryAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {encoded}"), Json, default).ToListAsync();

        Assert.Equal("ok", read!.Value.Title);
        Assert.Single(queried);
        Assert.Equal(Key, TableKey.Decode(read.Value.PartitionKey));
    }

    [Fact]
    public async Task OversizedString_IsRefusedBeforeSending()
    {
        var huge = new string('x', 40_000);
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddAsync(new TestEntity { PartitionKey = "p", RowKey = "huge", Title = huge }, Json, default));
        Assert.Null(await table.GetAsync("p", "huge", Json, default));
    }

    [Fact]
    public async Task ABatchOfAHundredChanges_IsOneTransaction_ReturningEveryETag()
    {
        var batch = new TableBatch();
        for (var i = 0; i < TableBatch.MaxChanges; i++)
        {
            batch.Add(new TestEntity { PartitionKey = "batch", RowKey = "r" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Count = i }, Json);
        }

        var etags = await table.SubmitAsync(batch, default);

        Assert.Equal(TableBatch.MaxChanges, etags.Count);
        Assert.All(etags, e => Assert.StartsWith("W/", e, StringComparison.Ordinal));
        var stored = await table.QueryAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"batch"}"), Json, default).ToListAsync();
        Assert.Equal(TableBatch.MaxChanges, stored.Count);
        Assert.Equal(etags[7], stored.Single(e => e.Value.Count == 7).ETag);
    }

    [Fact]
    public async Task ABatchWithOneStaleChange_AppliesNothing_AndNamesTheChange()
    {
        await table.AddAsync(new TestEntity { PartitionKey = "race", RowKey = "a", Count = 1 }, Json, default);
        var read = (await table.GetAsync("race", "a", Json, default))!;
        await table.UpdateAsync(read.Value with { Count = 2 }, read.ETag, Json, default);
        var batch = new TableBatch()
            .Add(new TestEntity { PartitionKey = "race", RowKey = "b" }, Json)
            .Update(read.Value with { Count = 3 }, read.ETag, Json);

        var conflict = await Assert.ThrowsAsync<TableBatchConflictException>(() => table.SubmitAsync(batch, default));

        Assert.Equal(1, conflict.FailedIndex);
        Assert.Equal(412, conflict.Status);
        Assert.Null(await table.GetAsync("race", "b", Json, default));
        Assert.Equal(2, (await table.GetAsync("race", "a", Json, default))!.Value.Count);
    }

    [Fact]
    public void ABatch_HoldsOnePartition()
    {
        var batch = new TableBatch().Add(new TestEntity { PartitionKey = "one", RowKey = "a" }, Json);

        Assert.Throws<ArgumentException>(() => batch.Add(new TestEntity { PartitionKey = "two", RowKey = "a" }, Json));
    }

    [Fact]
    public async Task AWrite_ToATableThatIsMissing_CreatesIt_AndAReadOfItFindsNothing()
    {
        var missing = azurite.CreateServiceClient().GetTable("later");

        Assert.Null(await missing.GetAsync("p", "r", Json, default));
        Assert.Empty(await missing.QueryAsync(null, Json, default).ToListAsync());
        Assert.False(await missing.DeleteAsync("p", "r", etag: null, default));
        await missing.AddAsync(new TestEntity { PartitionKey = "p", RowKey = "r", Title = "đã lưu" }, Json, default);

        Assert.Equal("đã lưu", (await missing.GetAsync("p", "r", Json, default))!.Value.Title);
    }

    [Fact]
    public async Task AMerge_SetsOnlyTheGivenProperties_AndOfAMissingEntity_IsAConflict()
    {
        var due = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero);
        await table.AddAsync(new TestEntity { PartitionKey = "m", RowKey = "r", Title = "cũ", Count = 5, DueAt = due }, Json, default);

        await table.MergeAsync("m", "r", new Dictionary<string, object?> { ["Title"] = "mới" }, default);

        var read = (await table.GetAsync("m", "r", Json, default))!.Value;
        Assert.Equal(("mới", 5L, due), (read.Title, read.Count, read.DueAt));
        await Assert.ThrowsAsync<TableConflictException>(() => table.MergeAsync("m", "nobody", new Dictionary<string, object?> { ["Title"] = "x" }, default));
    }
}
