"""ShopDesk's Qt layer. Everything Qt lives under ui/; the shop's logic lives in core/."""
