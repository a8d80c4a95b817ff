"""Agency recognition: real mentions -> canonical, jurisdiction-scoped agencies and groups (issue #3, "Agencies")."""

from __future__ import annotations

import pytest

from ingest.agencies import AgencyRegistry, expand_abbreviations, place_name_ends, split_mentions
from ingest.model import Issuer

BAC_NINH = Issuer("Ủy ban nhân dân tỉnh Bắc Ninh", "province", "Bắc Ninh", None, "ubnd")
LAO_CAI = Issuer("Ủy ban nhân dân tỉnh Lào Cai", "province", "Lào Cai", None, "ubnd")
CHAU_THANH = Issuer("Ủy ban nhân dân huyện Châu Thành", "district", "Sóc Trăng", "Châu Thành", "ubnd")
DIEN_BIEN = Issuer("Tỉnh ủy Điện Biên", "province", "Điện Biên", None, "tinh_uy")
HA_NOI = Issuer("Ủy ban nhân dân thành phố Hà Nội", "province", "Hà Nội", None, "ubnd")
NGHE_AN = Issuer("Ủy ban nhân dân tỉnh Nghệ An", "province", "Nghệ An", None, "ubnd")
MOST = Issuer("Bộ Khoa học và Công nghệ", "ministry", None, None, "bo")
TTG = Issuer("Thủ tướng Chính phủ", "central", None, None, "ttg")
HOAI_DUC = Issuer("Ủy ban nhân dân huyện Hoài Đức", "district", "Hà Nội", "Hoài Đức", "ubnd")
THUAN_THANH = Issuer("Ủy ban nhân dân thị xã Thuận Thành", "district", "Bắc Ninh", "Thuận Thành", "ubnd")
EA_KLY = Issuer("Ủy ban nhân dân xã Ea Kly", "commune", "Đắk Lắk", "Krông Pắc", "ubnd")
HAC_THANH = Issuer("Ủy ban nhân dân phường Hạc Thành", "commune", "Thanh Hóa", None, "ubnd")  # two-level, 2025
# a special zone, a commune-level unit from 1/7/2025 (Luật Tổ chức chính quyền địa phương 2025, Điều 2)
VAN_DON = Issuer("Ủy ban nhân dân đặc khu Vân Đồn", "commune", "Quảng Ninh", None, "ubnd")
SO_NNMT_DAK_LAK = Issuer("Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk", "province", "Đắk Lắk", None, "agency")
DAN_VAN_QUANG_NAM = Issuer("Ban Dân vận Tỉnh ủy Quảng Nam", "province", "Quảng Nam", None, "agency")
SO_TNMT_THANH_HOA = Issuer("Sở Tài nguyên và Môi trường tỉnh Thanh Hóa", "province", "Thanh Hóa", None, "agency")

# (issuer, mention, canonical name, kind, level, province, district)
ROWS = [
    (BAC_NINH, "Sở Nội vụ", "Sở Nội vụ tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Liên hiệp các hội KH&KT tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Liên hiệp các Hội KHKT tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở Giáo dục và đào tạo", "Sở Giáo dục và Đào tạo tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở GD&ĐT", "Sở Giáo dục và Đào tạo tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở Thông tin và truyền thông", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở TT&TT", "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở Lao động, Thương binh và xã hội", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở TN&MT", "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    # a Party or Youth Union committee named alone is the issuer's own, named as issuers are ("Tỉnh ủy
    # Bắc Ninh", not "Tỉnh ủy tỉnh Bắc Ninh"; "Tỉnh đoàn" is "Ban Chấp hành Đoàn tỉnh Bắc Ninh", Điều lệ
    # Đoàn TNCS Hồ Chí Minh): the same node as the committee's own plans
    (BAC_NINH, "Tỉnh ủy", "Tỉnh ủy Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Tỉnh đoàn", "Ban Chấp hành Đoàn tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Ban Thường vụ Tỉnh đoàn", "Ban Thường vụ Tỉnh đoàn Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Thành đoàn", "Thành đoàn", "agency", "unknown", None, None),  # which city's: not said
    (HA_NOI, "Thành ủy", "Thành ủy Hà Nội", "agency", "province", "Hà Nội", None),
    (HA_NOI, "Thành đoàn", "Ban Chấp hành Đoàn thành phố Hà Nội", "agency", "province", "Hà Nội", None),
    (HOAI_DUC, "Huyện ủy", "Huyện ủy Hoài Đức", "agency", "district", "Hà Nội", "Hoài Đức"),
    (HOAI_DUC, "Huyện đoàn", "Ban Chấp hành Đoàn huyện Hoài Đức", "agency", "district", "Hà Nội", "Hoài Đức"),
    (BAC_NINH, "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở LĐ-TBXH", "Sở Lao động - Thương binh và Xã hội tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở KH-ĐT", "Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở KH-CN", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Sở KH&ĐT", "Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Báo Bắc Ninh", "Báo Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Viện Nghiên cứu phát triển kinh tế xã hội", "Viện Nghiên cứu phát triển kinh tế xã hội tỉnh Bắc Ninh",
     "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "UBND tỉnh", "Ủy ban nhân dân tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    # the Fatherland Front's committee, however a plan writes it, is one body (Luật MTTQ Việt Nam 2015, Điều 8)
    (BAC_NINH, "Ủy ban Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Mặt trận Tổ quốc tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    (BAC_NINH, "Đảng đoàn MTTQ tỉnh", "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh", "agency", "province",
     "Bắc Ninh", None),
    (BAC_NINH, "Ủy ban Trung ương MTTQ Việt Nam", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "agency", "central",
     None, None),
    (BAC_NINH, "Bộ Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ", "agency", "ministry", None, None),
    (BAC_NINH, "Bộ KHcn", "Bộ Khoa học và Công nghệ", "agency", "ministry", None, None),
    (BAC_NINH, "Liên hiệp các hội Khoa học và Kỹ thuật Việt Nam", "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
     "agency", "central", None, None),
    (BAC_NINH, "Sở Nội vụ tỉnh Lào Cai", "Sở Nội vụ tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    (BAC_NINH, "Các sở, ban, ngành tỉnh", "Các sở, ban, ngành tỉnh Bắc Ninh", "group", "province", "Bắc Ninh", None),
    (BAC_NINH, "Các sở, ngành, địa phương", "Các sở, ngành, địa phương tỉnh Bắc Ninh", "group", "province", "Bắc Ninh", None),
    (BAC_NINH, "UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh Bắc Ninh",
     "group", "province", "Bắc Ninh", None),
    (BAC_NINH, "các cơ quan, đơn vị liên quan", "Các cơ quan, đơn vị liên quan tỉnh Bắc Ninh",
     "group", "province", "Bắc Ninh", None),
    (BAC_NINH, "các cơ quan liên quan", "Các cơ quan liên quan tỉnh Bắc Ninh", "group", "province", "Bắc Ninh", None),
    (LAO_CAI, "cơ quan báo chí", "Cơ quan báo chí tỉnh Lào Cai", "group", "province", "Lào Cai", None),
    (LAO_CAI, "Các sở, ngành khác", "Các sở, ngành khác tỉnh Lào Cai", "group", "province", "Lào Cai", None),
    # a list of unit words ending the name, without "các", is one body per unit: a group
    (LAO_CAI, "Công an xã, phường, thị trấn", "Công an xã, phường, thị trấn tỉnh Lào Cai", "group", "province",
     "Lào Cai", None),
    (LAO_CAI, "Ủy ban nhân dân huyện, thị xã, thành phố", "Ủy ban nhân dân huyện, thị xã, thành phố tỉnh Lào Cai", "group",
     "province", "Lào Cai", None),
    (LAO_CAI, "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    (CHAU_THANH, "Phòng Nội vụ", "Phòng Nội vụ huyện Châu Thành", "agency", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "Phòng Văn hóa – Thông tin", "Phòng Văn hóa và Thông tin huyện Châu Thành",
     "agency", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "Phòng Tài chính – Kế hoạch", "Phòng Tài chính - Kế hoạch huyện Châu Thành",
     "agency", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "Đài Truyền thanh huyện", "Đài Truyền thanh huyện Châu Thành",
     "agency", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Châu Thành",
     "agency", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "Ủy ban nhân dân huyện", "Ủy ban nhân dân huyện Châu Thành",
     "agency", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "UBND tỉnh", "Ủy ban nhân dân tỉnh Sóc Trăng", "agency", "province", "Sóc Trăng", None),
    (CHAU_THANH, "Ủy ban nhân dân tỉnh Sóc Trăng", "Ủy ban nhân dân tỉnh Sóc Trăng", "agency", "province", "Sóc Trăng", None),
    (CHAU_THANH, "Sở Nội vụ", "Sở Nội vụ tỉnh Sóc Trăng", "agency", "province", "Sóc Trăng", None),
    (CHAU_THANH, "các xã, thị trấn", "Các xã, thị trấn huyện Châu Thành", "group", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "Các Phòng, ban ngành", "Các phòng, ban ngành huyện Châu Thành",
     "group", "district", "Sóc Trăng", "Châu Thành"),
    (CHAU_THANH, "Văn phòng HĐND và UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Châu Thành",
     "agency", "district", "Sóc Trăng", "Châu Thành"),
    (DIEN_BIEN, "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy Điện Biên", "agency", "province", "Điện Biên", None),
    (DIEN_BIEN, "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Điện Biên", "agency", "province", "Điện Biên", None),
    (DIEN_BIEN, "Ban Cán sự Đảng UBND tỉnh", "Ban Cán sự Đảng Ủy ban nhân dân tỉnh Điện Biên",
     "agency", "province", "Điện Biên", None),
    (DIEN_BIEN, "Đảng đoàn Hội đồng Nhân dân tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh Điện Biên",
     "agency", "province", "Điện Biên", None),
    (DIEN_BIEN, "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương", "agency", "central", None, None),
    (DIEN_BIEN, "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên",
     "agency", "province", "Điện Biên", None),
    (DIEN_BIEN, "các đoàn thể chính trị - xã hội tỉnh", "Các đoàn thể chính trị - xã hội tỉnh Điện Biên",
     "group", "province", "Điện Biên", None),
    (HA_NOI, "Sở Nội vụ", "Sở Nội vụ thành phố Hà Nội", "agency", "province", "Hà Nội", None),
    (HA_NOI, "UBND các quận, huyện, thị xã", "Ủy ban nhân dân các quận, huyện, thị xã thành phố Hà Nội",
     "group", "province", "Hà Nội", None),
    (NGHE_AN, "Tỉnh đoàn", "Ban Chấp hành Đoàn tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (NGHE_AN, "Công an tỉnh", "Công an tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (NGHE_AN, "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (NGHE_AN, "Hội Liên hiệp Phụ nữ tỉnh", "Hội Liên hiệp Phụ nữ tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (NGHE_AN, "Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", "agency", "ministry", None, None),
    (NGHE_AN, "Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (NGHE_AN, "Các sở, ngành tỉnh có liên quan", "Các sở, ngành tỉnh Nghệ An có liên quan",
     "group", "province", "Nghệ An", None),
    (NGHE_AN, "Phòng Giáo dục và Đào tạo các huyện", "Phòng Giáo dục và Đào tạo các huyện tỉnh Nghệ An",
     "group", "province", "Nghệ An", None),
    (MOST, "Vụ Pháp chế", "Vụ Pháp chế Bộ Khoa học và Công nghệ", "agency", "ministry", None, None),
    (MOST, "Văn phòng Bộ", "Văn phòng Bộ Khoa học và Công nghệ", "agency", "ministry", None, None),
    (MOST, "Sở Khoa học và Công nghệ các tỉnh, thành phố", "Sở Khoa học và Công nghệ các tỉnh, thành phố",
     "group", "ministry", None, None),
    (TTG, "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
     "group", "central", None, None),
    (TTG, "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "group", "central", None, None),
    (HOAI_DUC, "Chủ tịch UBND huyện", "Ủy ban nhân dân huyện Hoài Đức", "agency", "district", "Hà Nội", "Hoài Đức"),
    # a minister (and a Cục's or Vụ's head) tasked by name: the body he heads (a Công điện's points)
    (TTG, "Bộ trưởng Bộ Quốc phòng", "Bộ Quốc phòng", "agency", "ministry", None, None),
    (TTG, "Thứ trưởng Bộ Y tế", "Bộ Y tế", "agency", "ministry", None, None),
    (MOST, "Cục trưởng Cục Thông tin khoa học và công nghệ quốc gia",
     "Cục Thông tin khoa học và công nghệ quốc gia Bộ Khoa học và Công nghệ", "agency", "ministry", None, None),
    # the "xã" of "hợp tác xã" (a cooperative) is no commune: the name goes on to its own unit
    (HA_NOI, "Liên minh Hợp tác xã thành phố", "Liên minh Hợp tác xã thành phố Hà Nội", "agency", "province", "Hà Nội",
     None),
    (NGHE_AN, "Liên minh HTX tỉnh", "Liên minh Hợp tác xã tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (HOAI_DUC, "Thường trực HĐND huyện", "Thường trực Hội đồng nhân dân huyện Hoài Đức",
     "agency", "district", "Hà Nội", "Hoài Đức"),
    (HOAI_DUC, "Ủy ban nhân dân cấp xã", "Ủy ban nhân dân cấp xã huyện Hoài Đức", "group", "district", "Hà Nội",
     "Hoài Đức"),
    (HOAI_DUC, "SỞ NỘI VỤ", "Sở Nội vụ thành phố Hà Nội", "agency", "province", "Hà Nội", None),
    (NGHE_AN, "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (NGHE_AN, "Sở Y tế (cơ quan thường trực)", "Sở Y tế tỉnh Nghệ An", "agency", "province", "Nghệ An", None),
    (THUAN_THANH, "Phòng Giáo dục và Đào tạo", "Phòng Giáo dục và Đào tạo thị xã Thuận Thành",
     "agency", "district", "Bắc Ninh", "Thuận Thành"),
    # a phòng is a district body (Nghị định 37/2014/NĐ-CP): never "Phòng ... tỉnh X"; in a
    # department's own plan it is one of the department's rooms
    (SO_TNMT_THANH_HOA, "Phòng Quản lý đất đai", "Phòng Quản lý đất đai Sở Tài nguyên và Môi trường tỉnh Thanh Hóa",
     "agency", "province", "Thanh Hóa", None),
    # a commune's own bodies, named with a bare "xã", take the commune's name
    (EA_KLY, "Đoàn Thanh niên xã", "Đoàn Thanh niên xã Ea Kly", "agency", "commune", "Đắk Lắk", "Krông Pắc"),
    (EA_KLY, "Hội Nông dân xã", "Hội Nông dân xã Ea Kly", "agency", "commune", "Đắk Lắk", "Krông Pắc"),
    # a commune civil servant's post is assigned like a body (Nghị định 33/2023/NĐ-CP, Điều 6)
    (EA_KLY, "Công chức Văn hóa - Xã hội", "Công chức Văn hóa - Xã hội xã Ea Kly", "agency", "commune", "Đắk Lắk",
     "Krông Pắc"),
    (EA_KLY, "Hội Cựu chiến binh", "Hội Cựu chiến binh xã Ea Kly", "agency", "commune", "Đắk Lắk", "Krông Pắc"),
    (EA_KLY, "Trạm Y tế xã", "Trạm Y tế xã Ea Kly", "agency", "commune", "Đắk Lắk", "Krông Pắc"),
    (EA_KLY, "Các ban, ngành, đoàn thể xã", "Các ban, ngành, đoàn thể xã Ea Kly", "group", "commune", "Đắk Lắk",
     "Krông Pắc"),
    (EA_KLY, "UBND các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn huyện Krông Pắc", "group", "district",
     "Đắk Lắk", "Krông Pắc"),
    (EA_KLY, "Phòng Tài nguyên và Môi trường", "Phòng Tài nguyên và Môi trường huyện Krông Pắc", "agency", "district",
     "Đắk Lắk", "Krông Pắc"),
    (NGHE_AN, "Phòng Cảnh sát phòng cháy, chữa cháy", "Phòng Cảnh sát phòng cháy, chữa cháy", "agency", "unknown",
     "Nghệ An", None),
    # companies and other organisations a plan or a meeting's conclusions assigns duties to
    # (Luật Doanh nghiệp 2020; public service units): a name that says where stays as written
    (NGHE_AN, "Công ty Cổ phần Cấp nước Nghệ An", "Công ty Cổ phần Cấp nước Nghệ An", "agency", "province",
     "Nghệ An", None),
    (NGHE_AN, "Công ty TNHH MTV Xổ số kiến thiết Nghệ An", "Công ty TNHH MTV Xổ số kiến thiết Nghệ An", "agency",
     "province", "Nghệ An", None),
    (LAO_CAI, "Công ty Điện lực", "Công ty Điện lực tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    (HA_NOI, "Tổng công ty Vận tải Hà Nội", "Tổng công ty Vận tải Hà Nội", "agency", "province", "Hà Nội", None),
    (TTG, "Tập đoàn Điện lực Việt Nam", "Tập đoàn Điện lực Việt Nam", "agency", "central", None, None),
    (LAO_CAI, "Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh Lào Cai",
     "agency", "province", "Lào Cai", None),
    (LAO_CAI, "Bưu điện tỉnh", "Bưu điện tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    (LAO_CAI, "Bệnh viện Đa khoa tỉnh", "Bệnh viện Đa khoa tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    (LAO_CAI, "Trường Chính trị tỉnh", "Trường Chính trị tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    (LAO_CAI, "Thư viện tỉnh", "Thư viện tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    (HOAI_DUC, "Hợp tác xã Nông nghiệp Đức Thượng", "Hợp tác xã Nông nghiệp Đức Thượng huyện Hoài Đức", "agency",
     "district", "Hà Nội", "Hoài Đức"),
    # a commune of the two-level local government (2025) has rooms of its own (Nghị định 150/2025/NĐ-CP)
    (HAC_THANH, "Phòng Kinh tế", "Phòng Kinh tế phường Hạc Thành", "agency", "commune", "Thanh Hóa", None),
    (HAC_THANH, "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội phường Hạc Thành", "agency", "commune", "Thanh Hóa",
     None),
    (HAC_THANH, "Trung tâm Phục vụ hành chính công phường", "Trung tâm Phục vụ hành chính công phường Hạc Thành",
     "agency", "commune", "Thanh Hóa", None),
    (VAN_DON, "Công an đặc khu", "Công an đặc khu Vân Đồn", "agency", "commune", "Quảng Ninh", None),
    (VAN_DON, "Phòng Kinh tế", "Phòng Kinh tế đặc khu Vân Đồn", "agency", "commune", "Quảng Ninh", None),
    (LAO_CAI, "Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội tỉnh Lào Cai", "agency", "province", "Lào Cai", None),
    # a district plan: a name that already says its district or its province takes nothing more
    (HOAI_DUC, "Công ty Cổ phần Môi trường đô thị Hoài Đức", "Công ty Cổ phần Môi trường đô thị Hoài Đức", "agency",
     "district", "Hà Nội", "Hoài Đức"),
    (HOAI_DUC, "Công ty Điện lực Hà Nội", "Công ty Điện lực Hà Nội", "agency", "province", "Hà Nội", None),
    # a long proper name headed by one body's head is one name (up to 20 words), not a sentence
    (BAC_NINH, "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
     "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh Bắc Ninh", "agency", "province",
     "Bắc Ninh", None),
    # an organ's counterparts in the units below: one group ("<organ> các <units>")
    (BAC_NINH, "Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố",
     "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam các huyện, thị xã, thành phố tỉnh Bắc Ninh", "group", "province",
     "Bắc Ninh", None),
    (DIEN_BIEN, "Ủy ban kiểm tra các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
     "Ủy ban Kiểm tra các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy Điện Biên", "group", "province", "Điện Biên",
     None),
    (DIEN_BIEN, "Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy Điện Biên", "agency", "province", "Điện Biên", None),
    # an agency's own plan calls itself by its bare head ("Văn phòng Sở", "Văn phòng Ban"), as a
    # ministry's does ("Văn phòng Bộ"); another head is not the issuer ("Văn phòng Bộ" in a Sở's plan)
    (SO_NNMT_DAK_LAK, "Văn phòng Sở", "Văn phòng Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk", "agency", "province",
     "Đắk Lắk", None),
    (SO_NNMT_DAK_LAK, "Thanh tra Sở", "Thanh tra Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk", "agency", "province",
     "Đắk Lắk", None),
    (DAN_VAN_QUANG_NAM, "Văn phòng Ban", "Văn phòng Ban Dân vận Tỉnh ủy Quảng Nam", "agency", "province", "Quảng Nam",
     None),
    (BAC_NINH, "Thanh tra tỉnh", "Thanh tra tỉnh Bắc Ninh", "agency", "province", "Bắc Ninh", None),
    # a capital after a unit word starts the place's name (Đ, Ă, Ơ... are capitals too)
    (BAC_NINH, "Sở Lao động - Thương binh và Xã hội tỉnh Đắk Lắk", "Sở Lao động - Thương binh và Xã hội tỉnh Đắk Lắk",
     "agency", "province", "Đắk Lắk", None),
    (HA_NOI, "Ủy ban nhân dân huyện Đông Anh", "Ủy ban nhân dân huyện Đông Anh", "agency", "district", "Hà Nội",
     "Đông Anh"),
]


@pytest.mark.parametrize(("issuer", "mention", "name", "kind", "level", "province", "district"), ROWS)
def test_resolve(issuer, mention, name, kind, level, province, district):
    ag = AgencyRegistry(issuer).resolve(mention)
    assert ag is not None, mention
    assert (ag.name, ag.kind, ag.level, ag.province, ag.district) == (name, kind, level, province, district)
    assert ag.id and ag.id.isascii()


@pytest.mark.parametrize("mention", [
    "", "Tiếp tục phối hợp với", "Tăng cường triển khai Đề án", "Sở", "các",
    "Cơ quan chủ trì thực hiện",  # a table header cell
    "Nghị quyết số 45-NQ/TW", "Thường xuyên", "Năm 2025",
    "Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan",  # a sentence, not a name
    "Sở Y tế tỉnh có trách nhiệm",  # the name ended at "tỉnh"; a sentence goes on
    "Đài Phát thanh và Truyền hình tỉnh mở chuyên mục",
    # a lower-case word after a province's name: the name has ended there
    "Báo và Phát thanh, Truyền hình Đà Nẵng mở chuyên trang, chuyên mục",
    "Công an Bắc Ninh tổ chức",
    "Báo cáo kết quả", "BÁO CÁO", "Hội nghị quán triệt", "Ban hành quy chế",  # words that start like a head
    "Chủ tịch",
    "(b/c)",
    # an organisation kind alone is a common noun; prose is no name
    "Công ty", "Tập đoàn", "Hợp tác xã", "Chi nhánh", "Thư viện", "Bưu điện", "Kết quả cần đạt", "Về công tác tuyên truyền",
    "Ủy ban",  # which committee is not said: never a made-up "Ủy ban tỉnh Bắc Ninh"
    # an aspect marker: the sentence reports what was done ("đã"), or is being done ("đang")
    "Các ngành, địa phương đã", "Các sở, ngành đang", "Sở Y tế đã",
    "Phòng Y tế là cơ quan thường trực",  # the copula: a sentence
    # a lower-case word after a commune unit: the name has ended, a sentence goes on
    "Trung tâm Phục vụ hành chính công xã số hóa hồ sơ", "Hội Nông dân phường tổ chức", "Công an đặc khu tuần tra",
    # a collective opener with a long run of words is prose, even under the longer bound for headed names
    "Các gương cán bộ dám nghĩ, dám làm, có cách làm hay, hiệu quả trên địa bàn tỉnh",
    "Các đơn vị có chức năng kiểm định chương trình, kiểm định các cơ sở đào tạo",
    # over 20 words: a sentence even after a head
    "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh và các khu công nghiệp, khu kinh tế "
    "cửa khẩu",
])
def test_resolve_none(mention):
    assert AgencyRegistry(BAC_NINH).resolve(mention) is None


def test_variants_merge_with_aliases():
    reg = AgencyRegistry(BAC_NINH)
    names = {reg.resolve(m).name for m in (
        "Liên hiệp các hội KH&KT tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp các Hội KHKT tỉnh")}
    assert names == {"Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Ninh"}
    assert reg.resolve("Viện Nghiên cứu phát triển kinh tế - xã hội") is reg.resolve(
        "Viện Nghiên cứu phát triển kinh tế xã hội")
    (ag,) = [a for a in reg.agencies() if a.name.startswith("Liên hiệp")]
    assert set(ag.aliases) == {"Liên hiệp các hội KH&KT tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
                               "Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp các Hội KHKT tỉnh"}
    assert len(reg.agencies()) == 2


def test_fuzzy_merge_one_letter_slip_only():
    reg = AgencyRegistry(LAO_CAI)
    a = reg.resolve("Sở Khoa học và Công nghệ")
    assert reg.resolve("Sở Khoa hoc và Công nghệ") is a  # a lost diacritic: the folded key is the same
    assert reg.resolve("Sở Khoa học và Công ngệ") is a  # a lost letter: rapidfuzz ratio >= 95
    assert "Sở Khoa học và Công ngệ" in a.aliases
    assert reg.resolve("Sở Kế hoạch và Đầu tư") is not a
    assert reg.resolve("Sở Tư pháp") is not reg.resolve("Sở Nội vụ")
    # two departments whose names are 96% alike: Nội vụ and Ngoại vụ (Nghị định 24/2014/NĐ-CP, Điều 8)
    assert reg.resolve("Sở Ngoại vụ") is not reg.resolve("Sở Nội vụ")
    assert reg.resolve("Sở Nội vụ tỉnh") is not reg.resolve("Sở Ngoại vụ tỉnh")
    # a different number is a different body, however close the rest of the name
    ubkt = AgencyRegistry(Issuer("Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên", "province", "Thái Nguyên", None, "agency"))
    one, two = ubkt.resolve("Phòng Nghiệp vụ 1"), ubkt.resolve("Phòng Nghiệp vụ 2")
    assert one is not two and (one.name, two.name) == ("Phòng Nghiệp vụ 1 Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên",
                                                     "Phòng Nghiệp vụ 2 Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên")


@pytest.mark.parametrize("a,b,slip", [
    ("so khoa hoc va cong nghe", "so khoa hoc va cong nge", True),        # a letter lost
    ("cac so ban nganh tinh bac ninh", "cac so nganh tinh bac ninh", True),  # a word left out
    ("so noi vu tinh lao cai", "so ngoai vu tinh lao cai", False),         # two letters: another body
    ("ban dan van tinh uy", "ban dan toc tinh uy", False),
    ("phong kinh te huyen x", "phong kinh te ha tang huyen x", False),    # two words added
    ("so y te", "so y te", True),
    ("so noi vu", "so noi vu tinh", True),
])
def test_is_slip(a, b, slip):
    from ingest.agencies import is_slip

    assert is_slip(a, b) is slip and is_slip(b, a) is slip


def test_parent_of_party_committee_organs():
    reg = AgencyRegistry(DIEN_BIEN)
    assert reg.resolve("Ban Tuyên giáo Tỉnh ủy").parent == "Tỉnh ủy Điện Biên"
    assert reg.resolve("Sở Nội vụ").parent is None  # not stated by the name: left unknown


# (list as written, expected pieces)
SPLITS = [
    ("Sở Tài chính và các sở, ngành, đơn vị liên quan", ["Sở Tài chính", "các sở, ngành, đơn vị liên quan"]),
    ("Các sở, ban, ngành, UBND các huyện, thị xã, thành phố",
     ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]),
    ("Các sở, ngành khác và UBND các huyện, thị xã, thành phố",
     ["Các sở, ngành khác", "UBND các huyện, thị xã, thành phố"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Lao động, Thương binh và Xã hội", ["Sở Lao động, Thương binh và Xã hội"]),
    ("Báo Bắc Ninh, Đài Phát thanh và Truyền hình tỉnh", ["Báo Bắc Ninh", "Đài Phát thanh và Truyền hình tỉnh"]),
    ("Sở Thông tin và truyền thông, đơn vị liên quan", ["Sở Thông tin và truyền thông", "đơn vị liên quan"]),
    ("Các Phòng, ban ngành và các xã, thị trấn", ["Các Phòng, ban ngành", "các xã, thị trấn"]),
    ("Cấp ủy, tổ chức đảng, chính quyền, Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội tỉnh",
     ["Cấp ủy, tổ chức đảng, chính quyền", "Ủy ban Mặt trận Tổ quốc Việt Nam", "các đoàn thể chính trị - xã hội tỉnh"]),
    ("Ban Cán sự Đảng UBND tỉnh, Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh và các đơn vị liên quan",
     ["Ban Cán sự Đảng UBND tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "các đơn vị liên quan"]),
    ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),  # one body: spelling kept as written
    ("Sở KH&CN, Sở LĐ-TB&XH và UBND các huyện", ["Sở KH&CN", "Sở LĐ-TB&XH", "UBND các huyện"]),
    ("Sở Y tế; Sở Tài chính", ["Sở Y tế", "Sở Tài chính"]),
    # a bare collective noun closing the list after a comma is a word of the body's own name;
    # one that says which group it is, or follows "các"/"và", is an assignee of its own
    ("Phòng Dân vận chính quyền và Mặt trận, đoàn thể", ["Phòng Dân vận chính quyền và Mặt trận, đoàn thể"]),
    ("Sở Tài chính, các đoàn thể", ["Sở Tài chính", "các đoàn thể"]),
    ("Ủy ban MTTQ Việt Nam tỉnh, đoàn thể chính trị - xã hội tỉnh",
     ["Ủy ban MTTQ Việt Nam tỉnh", "đoàn thể chính trị - xã hội tỉnh"]),
    ("Sở Nội vụ, cơ quan, đơn vị liên quan", ["Sở Nội vụ", "cơ quan, đơn vị liên quan"]),
    ("Sở Nội vụ và đơn vị", ["Sở Nội vụ", "đơn vị"]),
    # the units directly under a body, after a collective, are members of that collective
    ("Các huyện, thành Đoàn và Đoàn trực thuộc", ["Các huyện, thành Đoàn và Đoàn trực thuộc"]),
    ("Các huyện ủy, thành ủy và Đảng ủy trực thuộc Tỉnh ủy", ["Các huyện ủy, thành ủy và Đảng ủy trực thuộc Tỉnh ủy"]),
    ("Sở Nội vụ và Đoàn trực thuộc", ["Sở Nội vụ", "Đoàn trực thuộc"]),
    ("Các sở, ngành và Đoàn Thanh niên tỉnh", ["Các sở, ngành", "Đoàn Thanh niên tỉnh"]),
    # an office holder's title after a comma heads an assignee of its own
    ("Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố",
     ["Giám đốc các sở", "Thủ trưởng các ban, ngành", "Chủ tịch UBND các huyện, thị xã, thành phố"]),
    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
     ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "cơ quan thuộc Chính phủ"]),
    ("Sở Nội vụ, Chủ tịch", ["Sở Nội vụ, Chủ tịch"]),  # a title alone names no body: nothing to split off
]


@pytest.mark.parametrize(("text", "pieces"), SPLITS)
def test_split_mentions(text, pieces):
    assert split_mentions(text) == pieces


def test_expand_abbreviations():
    assert expand_abbreviations("UBND tỉnh, HĐND tỉnh, UBMTTQ tỉnh") == \
        "Ủy ban nhân dân tỉnh, Hội đồng nhân dân tỉnh, Ủy ban Mặt trận Tổ quốc tỉnh"
    assert expand_abbreviations("Sở KH&CN") == "Sở Khoa học và Công nghệ"
    assert expand_abbreviations("UBNDX") == "UBNDX"  # whole tokens only


@pytest.mark.parametrize(("text", "words_after"), [
    # a lower-case word after a province's name: the body's name has ended, a sentence goes on
    ("Báo và Phát thanh, Truyền hình Đà Nẵng mở chuyên trang, chuyên mục", ["mở"]),
    ("Ủy ban nhân dân tỉnh Kiên Giang theo quy định", ["theo"]),
    ("Sở Y tế tỉnh Tây Ninh trước ngày 10 tháng 12", ["trước"]),
    # links, scopes, a person's name that is also a province's, a word that is a province's name
    # only when capitalised
    ("Báo và Phát thanh, Truyền hình Đà Nẵng", []),
    ("Ủy ban nhân dân tỉnh Quảng Nam và các sở", []),
    ("Công an thành phố Hà Nội có liên quan", []),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", []),
    ("Hội Liên hiệp vì hòa bình tỉnh", []),
])
def test_place_name_ends(text, words_after):
    assert [text[k:].split()[0] for k in place_name_ends(text)] == words_after


#: (text, whether ``is_agency_list`` reads it as a list of bodies)
IS_LIST = [
    # the "xã" of "hợp tác xã" is no commune
    ("Liên minh Hợp tác xã thành phố", True),
    ("Liên minh Hợp tác xã tỉnh và Ủy ban nhân dân các xã, thị trấn", True),
    # a commune unit then a lower-case word: the name ended, a sentence goes on
    ("Hội Nông dân xã tổ chức", False),
    ("Sở Y tế tỉnh có trách nhiệm", False),
    # a bare plural names bodies only when a body noun follows it (agency_kinds.json, collective_nouns)
    ("Các sở, ban, ngành", True),
    ("các Phòng, ban ngành huyện", True),
    ("những đơn vị liên quan", True),
    ("Các chi, đảng bộ cơ sở", True),
    ("các huyện ủy, thị ủy, thành ủy", True),
    ("các xã, thị trấn", True),
    ("Các cơ quan báo chí", True),
    ("các đề án, dự án nhằm", False),
    ("Các nhiệm vụ cụ thể", False),
    ("các chính sách", False),
    # a body's head before the plural is never checked
    ("Ủy ban nhân dân các huyện, thị xã", True),
    # a qualifier saying which units a plural group names is a word of the group
    ("Đảng ủy các xã, phường ven biển", True),
    ("Ủy ban nhân dân các xã biên giới", True),
    ("các huyện miền núi", True),
    ("Ủy ban nhân dân các xã đặc biệt khó khăn", True),
    # ... any other lower-case word after the unit goes on a sentence
    ("Ủy ban nhân dân các xã theo chức năng", False),
    # working groups of a committee take duties by name
    ("Tổ giúp việc Ban Chỉ đạo", True),
    ("Tổ công tác liên ngành", True),
    # an official name holding an ambiguous verb ("quản lý") is read whole
    ("Cục Nhà giáo và Cán bộ quản lý giáo dục", True),
    ("Vụ Các vấn đề chung về xây dựng pháp luật", True),
    ("Phòng Kế hoạch tổng hợp", True),
    ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội", True),  # a provincial police's PC06
    ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", True),
    ("Các khoa lâm sàng, cận lâm sàng", True),  # a hospital's units
    ("Trưởng các khóm", True),  # a commune's hamlets under their local names (Thông tư 04/2012/TT-BNV)
    ("các thôn, xóm, bản", True),
    ("các làng nghề truyền thống", False),  # "làng nghề": a craft village, the things, not the units
    # a body named for its purpose keeps its verb, up to "của ..." or a bracket
    ("Ban Chỉ đạo triển khai bệnh án điện tử của Bệnh viện", True),
    ("Tổ công tác triển khai Đề án 06 của tỉnh", True),
    ("Ban Chỉ đạo triển khai Đề án 06 tỉnh", True),  # ... or up to the bare unit word that closes it
    # "Tổ" names a unit only before a capital
    ("Tổ Công nghệ thông tin", True),
    ("Tổ chức đảng", False),
    ("Tổ dân phố", False),
    # so do "Đội" (a Chi cục's unit) and "Khoa" (a school's faculty, a hospital's ward)
    ("Đội Kiểm lâm cơ động và Phòng cháy, chữa cháy rừng", True),
    ("Đội Quản lý thị trường số 2", True),
    ("Đội ngũ cán bộ", False),
    ("Khoa Xây dựng Đảng", True),
    ("Khoa Kiểm soát bệnh tật - HIV/AIDS", True),  # a slash between two acronyms is a word of the name
    ("Sở Y tế b/c", False),  # not another slash: a note
    ("Khoa học và công nghệ", False),
    ("Phòng cháy, chữa cháy rừng", False),  # fire prevention, not a "Phòng"
    # a group's length counts words, not dashes (16 words, 17 tokens)
    ("Các trường trung học phổ thông, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên", True),
]


@pytest.mark.parametrize("text,is_list", IS_LIST)
def test_is_agency_list_table(text, is_list):
    from ingest.agencies import is_agency_list

    assert is_agency_list(text) is is_list


@pytest.mark.parametrize(("mention", "name"), [
    # the plural of a minister's title alone names every ministry (the Government's closing formula)
    ("Các Bộ trưởng", "Các bộ"),
    ("các Bộ trưởng", "Các bộ"),
    ("Chủ tịch UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
    ("Giám đốc các sở", "Các sở"),
    # "Trưởng" alone heads the body after it; the longer titles win
    ("Trưởng Công an xã, phường, thị trấn", "Công an xã, phường, thị trấn"),
    ("Trưởng các phòng nghiệp vụ", "Các phòng nghiệp vụ"),
    ("Hiệu trưởng các trường", "Các trường"),
])
def test_a_title_names_the_bodies_its_holders_head(mention, name):
    from ingest.agencies import _base_name

    assert _base_name(mention)[0] == name
