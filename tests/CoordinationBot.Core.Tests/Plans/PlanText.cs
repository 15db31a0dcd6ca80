namespace CoordinationBot.Core.Tests.Plans;

/// <summary>Test-data builder: a plan document in the usual layout, written for these tests, with the body given.</summary>
public static class PlanText
{
    public static string With(string body, string number = "15/KH-UBND", string date = "ngày 10 tháng 3 năm 2026") => $"""
        ỦY BAN NHÂN DÂN
        TỈNH THỬ NGHIỆM
        Số: {number}
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Thử Nghiệm, {date}
        KẾ HOẠCH
        Triển khai công tác chuyển đổi số trong
        cơ quan nhà nước năm 2026
        Căn cứ Kế hoạch số 50/KH-UBND ngày 09/02/2026 của Ủy ban nhân dân tỉnh;
        Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        Nâng cao hiệu quả phối hợp giữa các cơ quan.
        {body}
        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        """;
}
